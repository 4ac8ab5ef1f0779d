package io.bastion.compliance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The audit trail's Ed25519 keys, in the PEM files OpenSSL reads and writes ({@code openssl genpkey -algorithm
 * ed25519}): the private key as PKCS#8 ({@code PRIVATE KEY}), the public key as X.509 SubjectPublicKeyInfo
 * ({@code PUBLIC KEY}). A private key file must be readable by its owner only; one that its group or others may read
 * is refused, since whoever reads it can sign a rewritten trail.
 */
public final class AuditKeys
{
    private static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";
    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private AuditKeys()
    {
    }

    /**
     * @return a new Ed25519 key pair.
     */
    public static KeyPair generate()
    {
        try
        {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("the JDK has no Ed25519", ex);
        }
    }

    /**
     * Write a key pair: the private key readable by its owner only.
     *
     * @param keys       the pair.
     * @param privateKey file for the private key; must not exist.
     * @param publicKey  file for the public key.
     * @throws IOException if a file cannot be written.
     */
    public static void write(final KeyPair keys, final Path privateKey, final Path publicKey) throws IOException
    {
        if (isPosix())
        {
            Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(
                EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        }
        else
        {
            Files.createFile(privateKey);
        }
        Files.writeString(privateKey, pem(PRIVATE, keys.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(publicKey, pem(PUBLIC, keys.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    }

    /**
     * @param file a PEM private key file, readable by its owner only.
     * @return the key.
     * @throws IOException           if it cannot be read.
     * @throws IllegalStateException if its group or others may read it, or it is not an Ed25519 private key.
     */
    public static PrivateKey readPrivateKey(final Path file) throws IOException
    {
        if (isPosix())
        {
            final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            permissions.retainAll(NOT_OWNER);
            if (!permissions.isEmpty())
            {
                throw new IllegalStateException("audit signing key " + file + " may be used by others (" +
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) +
                    "): make it readable by its owner only (chmod 600)");
            }
        }
        try
        {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(
                new PKCS8EncodedKeySpec(der(file, PRIVATE)));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException(file + " is not an Ed25519 private key: " + ex.getMessage(), ex);
        }
    }

    /**
     * @param file a PEM public key file.
     * @return the key.
     * @throws IOException           if it cannot be read.
     * @throws IllegalStateException if it is not an Ed25519 public key.
     */
    public static PublicKey readPublicKey(final Path file) throws IOException
    {
        try
        {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(file, PUBLIC)));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException(file + " is not an Ed25519 public key: " + ex.getMessage(), ex);
        }
    }

    /**
     * @param bytes bytes.
     * @return them in lower-case hexadecimal.
     */
    public static String hex(final byte[] bytes)
    {
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean isPosix()
    {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static String pem(final String type, final byte[] der)
    {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) +
            "\n-----END " + type + "-----\n";
    }

    private static byte[] der(final Path file, final String type) throws IOException
    {
        final String text = Files.readString(file, StandardCharsets.US_ASCII);
        final String begin = "-----BEGIN " + type + "-----";
        final String end = "-----END " + type + "-----";
        final int from = text.indexOf(begin);
        final int to = text.indexOf(end);
        if (from < 0 || to < from)
        {
            throw new IllegalStateException(file + " holds no PEM " + type + " block");
        }
        try
        {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalStateException(file + ": bad base64 in the " + type + " block", ex);
        }
    }
}
