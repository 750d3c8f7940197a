/// The line breaks beyond ASCII's, in UTF-8: U+0085 (C2 85), U+2028 and U+2029 (E2 80 A8,
/// E2 80 A9). Every rendering flattens a line or breaks it on them; other characters starting
/// with E2 (« — », « … », « € ») are text.
///
/// Byte scans stop at 85 and E2, the rarest of their bytes in French text (A8 and A9 end « è »
/// and « é »), and ask here whether the byte they stopped at is one of those breaks.
public enum UnicodeLineBreaks {
    /// Whether the byte at `index` is the 85 that ends U+0085 or the E2 that opens U+2028 or
    /// U+2029.
    @inlinable
    public static func isBreak(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch bytes[index] {
        case 0x85: index > 0 && bytes[index - 1] == 0xC2
        case 0xE2: index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
        default: false
        }
    }
}
