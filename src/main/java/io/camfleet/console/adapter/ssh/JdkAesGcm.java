package io.camfleet.console.adapter.ssh;

import com.hierynomus.sshj.transport.cipher.GcmCipher;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.transport.cipher.Cipher;

import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * sshj's AES-GCM ({@code aes256-gcm@openssh.com}, {@code aes128-gcm@openssh.com}) on the JDK's own provider. sshj
 * takes every cipher from BouncyCastle once that is registered, and BouncyCastle's AES is pure Java: it was a third
 * of the console's CPU while uploading to 100 hosts. The JDK's runs on the processor's AES and carry-less multiply
 * instructions. Same algorithm, same protocol; only the implementation differs.
 */
final class JdkAesGcm extends GcmCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;

    static final Factory.Named<Cipher> AES256 = factory("aes256-gcm@openssh.com", 32);
    static final Factory.Named<Cipher> AES128 = factory("aes128-gcm@openssh.com", 16);

    private final int keyBytes;

    private JdkAesGcm(int keyBytes) {
        super(IV_BYTES, TAG_BYTES, keyBytes, "AES", TRANSFORMATION);
        this.keyBytes = keyBytes;
    }

    private static Factory.Named<Cipher> factory(String name, int keyBytes) {
        return new Factory.Named<>() {
            @Override
            public Cipher create() {
                return new JdkAesGcm(keyBytes);
            }

            @Override
            public String getName() {
                return name;
            }
        };
    }

    /** As sshj's own init (the key and IV cut to size), with the cipher taken from the JDK's SunJCE provider. */
    @Override
    public void init(Mode mode, byte[] key, byte[] iv) {
        try {
            cipher = javax.crypto.Cipher.getInstance(TRANSFORMATION, "SunJCE");
            initCipher(cipher, mode, cut(key, keyBytes), cut(iv, IV_BYTES));
        } catch (GeneralSecurityException e) {
            throw new SSHRuntimeException(e);
        }
    }

    private static byte[] cut(byte[] bytes, int length) {
        return bytes.length > length ? Arrays.copyOf(bytes, length) : bytes;
    }
}
