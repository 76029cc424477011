package dev.temper.debian.deb;

import dev.temper.archive.FileEntry;
import java.util.List;

/**
 * A {@code .deb} read into memory.
 *
 * @param control the control information
 * @param entries the entries of the data member in archive order, file content held in memory
 */
public record DebPackage(DebControl control, List<FileEntry> entries) {}
