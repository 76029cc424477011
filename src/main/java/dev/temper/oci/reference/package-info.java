/**
 * Image references in skopeo's syntax: {@code oci:}, {@code docker-archive:}, {@code dir:}, {@code
 * docker://} and plain registry names, parsed by {@link dev.temper.oci.reference.ImageReferences}.
 */
package dev.temper.oci.reference;
