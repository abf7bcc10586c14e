/**
 * JSON in and out: untrusted bodies read strictly (UTF-8, one object, bounded depth and sizes, no
 * name twice, no unknown member) and answers with every named member present. Request and answer
 * records go through {@link dev.baton.platform.json.JsonRequestReader} and
 * {@link dev.baton.platform.json.JsonBinding}, a body that is a free-form object as a whole through
 * {@link dev.baton.platform.json.JsonObjectReader}. {@code Jsons} builds what Baton keeps or sends as
 * JSON besides answers (events, audit details, security events).
 */
package dev.baton.platform.json;
