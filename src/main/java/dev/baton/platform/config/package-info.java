/**
 * The settings every call goes through (request limits, write rate, clock skew). Each feature keeps
 * its own settings class; all defaults live in {@code META-INF/microprofile-config.properties}.
 */
package dev.baton.platform.config;
