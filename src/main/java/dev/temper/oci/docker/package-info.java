/**
 * Archives in the format of {@code docker save}: {@link dev.temper.oci.docker.DockerArchiveSource}
 * reads one in place and {@link dev.temper.oci.docker.DockerArchiveWriter} writes one.
 */
package dev.temper.oci.docker;
