/**
 * JSON in and out: untrusted bodies read strictly (UTF-8, one object, bounded depth and sizes, no
 * name twice, no unknown member) and answers with every named member present. Request and answer
 * records go through {@link dev.baton.platform.json.JsonRequestReader} and
 * {@link dev.baton.platform.json.JsonBinding}, a body that is a free-form object as a whole through
 * {@link dev.baton.platform.json.JsonObjectReader}; bodies not yet typed through {@code JsonBodies}
 * and {@code Fields}, answers not yet typed through {@code Jsons}.
 */
package dev.baton.platform.json;
