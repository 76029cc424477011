package dev.temper.build;

/**
 * One path that hardening removed or changed, for {@code --explain}.
 *
 * @param path the absolute path in the image
 * @param reason why, such as {@code shell}, {@code documentation} or {@code setuid bit cleared}
 */
public record Removal(String path, String reason) {}
