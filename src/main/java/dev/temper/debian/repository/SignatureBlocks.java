package dev.temper.debian.repository;

import dev.temper.error.TrustException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/** Decodes the ASCII-armored signature blocks of a cleartext signed message. */
final class SignatureBlocks {
  private SignatureBlocks() {}

  /**
   * Returns the signature packets of all blocks, in file order.
   *
   * @throws TrustException naming the file when a block is not valid armor, has a wrong checksum,
   *     holds a packet that is not a signature, or when no block holds a signature
   */
  static List<PGPSignature> read(ClearsignedMessage message, String displayName)
      throws TrustException {
    List<PGPSignature> signatures = new ArrayList<>();
    for (byte[] block : message.signatureBlocks()) {
      try {
        readBlock(block, signatures, displayName);
      } catch (IOException | RuntimeException e) {
        // Bouncy Castle reports some malformed packets with unchecked exceptions.
        throw new TrustException(displayName + ": invalid signature block", e);
      }
    }
    if (signatures.isEmpty()) {
      throw new TrustException(displayName + ": not signed, the signature block is empty");
    }
    return signatures;
  }

  private static void readBlock(byte[] block, List<PGPSignature> signatures, String displayName)
      throws IOException, TrustException {
    ArmoredInputStream armored = new ArmoredInputStream(new ByteArrayInputStream(block));
    BcPGPObjectFactory packets = new BcPGPObjectFactory(armored);
    for (Object packet = packets.nextObject(); packet != null; packet = packets.nextObject()) {
      if (!(packet instanceof PGPSignatureList)) {
        throw new TrustException(
            displayName
                + ": invalid signature block, it contains "
                + packet.getClass().getSimpleName()
                + " where only signatures may appear");
      }
      ((PGPSignatureList) packet).forEach(signatures::add);
    }
  }
}
