package dev.temper.vuln;

/**
 * A finding that a VEX statement or an ignore entry suppressed.
 *
 * @param finding the suppressed finding
 * @param reason the statement or entry that suppressed it, in words
 */
public record Suppression(Finding finding, String reason) {}
