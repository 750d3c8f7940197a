// The C library, reached through one import: this module is the only one that names Glibc or
// Darwin, so that the rest of the package builds on either.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif

/// The system's reason for an error code, as `strerror` gives it.
public func systemReason(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "erreur \(code)" }
    return String(cString: text)
}

/// Retries a system call interrupted by a signal (EINTR), as every caller of `open`,
/// `write` or `flock` must.
@inline(__always)
func retryingOnInterrupt<T: BinaryInteger>(_ call: () -> T) -> T {
    while true {
        let result = call()
        if result >= 0 || errno != EINTR { return result }
    }
}

/// `write(2)` and `rename(2)` under names no type's own `write` or `rename` method can shadow.
func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

func systemRename(_ from: String, _ to: String) -> Int32 {
    rename(from, to)
}

func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags)
}

func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
