import PlannerCore
import Testing

@Suite("MD5 and SHA-256 against the published test vectors")
struct DigestTests {
    // RFC 1321, appendix A.5 (the test suite).
    @Test(
        "MD5 of the RFC 1321 test suite",
        arguments: [
            ("", "d41d8cd98f00b204e9800998ecf8427e"),
            ("a", "0cc175b9c0f1b6a831c399e269772661"),
            ("abc", "900150983cd24fb0d6963f7d28e17f72"),
            ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
            ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
            (
                "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
                "57edf4a22be3c955ac49da2e2107b67a"
            ),
        ])
    func md5(input: String, expected: String) {
        #expect(Digest.hex(Digest.md5(Array(input.utf8))) == expected)
    }

    // FIPS 180-4 examples (NIST CSRC "SHA256.pdf", one- and two-block messages) and the empty string.
    @Test(
        "SHA-256 of the NIST examples",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ])
    func sha256(input: String, expected: String) {
        #expect(Digest.hex(Digest.sha256(Array(input.utf8))) == expected)
    }

    @Test("a million 'a' (FIPS 180-4's long message), fed in uneven pieces, gives the published digest")
    func sha256Incremental() {
        var state = SHA256()
        let piece = [UInt8](repeating: 0x61, count: 999)
        var left = 1_000_000
        while left > 0 {
            let n = min(left, piece.count)
            state.update(piece[0..<n])
            left -= n
        }
        #expect(Digest.hex(state.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("a formula-looking CSV field gets a leading quote; a name loses its controls and bidi marks")
    func spreadsheetAndNames() {
        #expect(SafeText.spreadsheetCell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        #expect(SafeText.spreadsheetCell("@SUM(A1)") == "'@SUM(A1)")
        #expect(SafeText.spreadsheetCell("-2+3") == "'-2+3")
        #expect(SafeText.spreadsheetCell("Asha") == "Asha")
        #expect(SafeText.cleanName(" Asha\u{202E}\u{7}  Rao\n") == "Asha Rao")
        #expect(SafeText.cleanName("क्\u{200D}ष") == "क्\u{200D}ष")
    }
}
