/**
 * JSON in and out: untrusted bodies read strictly (UTF-8, one object, bounded depth and sizes) and
 * answers built with every named member present.
 */
package dev.baton.platform.json;
