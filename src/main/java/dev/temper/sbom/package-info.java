/**
 * Software bills of materials: catalogers that inventory an image's final file view in one pass
 * (Debian packages from dpkg status and status.d, Java archives, JDK runtimes, the OS release), and
 * writers for SPDX 2.3 JSON, CycloneDX 1.6 JSON and a table for people.
 */
package dev.temper.sbom;
