// SPDX-License-Identifier: Apache-2.0
import CZlib
import Foundation

/// zlib's inflate for one gzip member (or zlib/raw deflate stream) at a time.
final class Inflater {
    enum Status: Equatable { case more, end, failed(String) }

    private var stream = z_stream()
    private var ready = false
    private let windowBits: Int32

    /// `15 + 16`: gzip only (WARC members); `15 + 32`: gzip or zlib (HTTP); `-15`: raw deflate.
    init(windowBits: Int32 = 15 + 16) {
        self.windowBits = windowBits
        ready = lede_inflate_init2(&stream, windowBits) == Z_OK
    }

    deinit { if ready { inflateEnd(&stream) } }

    /// Starts a new member.
    func reset() {
        if ready { inflateReset(&stream) } else { ready = lede_inflate_init2(&stream, windowBits) == Z_OK }
    }

    /// Inflates from `input` into `output`: bytes consumed, bytes produced, and whether the member ended.
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> (consumed: Int, produced: Int, status: Status) {
        guard ready else { return (0, 0, .failed("zlib could not start")) }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        stream.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(output.count)
        let result = CZlib.inflate(&stream, Z_NO_FLUSH)
        let consumed = input.count - Int(stream.avail_in)
        let produced = output.count - Int(stream.avail_out)
        switch result {
        case Z_STREAM_END: return (consumed, produced, .end)
        case Z_OK: return (consumed, produced, .more)
        case Z_BUF_ERROR: return (consumed, produced, consumed == 0 && produced == 0 && input.count > 0 ? .failed("damaged compressed data") : .more)
        default:
            let reason = stream.msg.map { String(cString: $0) } ?? "damaged compressed data"
            return (consumed, produced, .failed(reason))
        }
    }
}

/// Decodes an HTTP body's `Content-Encoding` (gzip, x-gzip, deflate), with a
/// bound on what it decodes to: a gzip bomb is an error, never a memory spike.
public enum ContentDecoding {
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        case tooLarge(limit: Int)
        case damaged(String)
        case unsupported(String)

        public var description: String {
            switch self {
            case .tooLarge(let limit): "decompresses to more than \(ArticleFileReader.size(limit)) (a gzip bomb?); not read"
            case .damaged(let reason): "damaged compressed body (\(reason))"
            case .unsupported(let coding): "content encoding '\(ControlCharacters.visible(coding))' is not supported"
            }
        }
    }

    /// The body decoded by each coding in `encoding` (`gzip`, `deflate`, `identity`; last applied first).
    public static func decode(_ body: Data, encoding: String?, limit: Int) -> Result<Data, Failure> {
        let codings = (encoding ?? "").lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "identity" }
        var data = body
        for coding in codings.reversed() {
            switch coding {
            case "gzip", "x-gzip":
                switch inflate(data, windowBits: 15 + 32, limit: limit) {
                case .success(let decoded): data = decoded
                case .failure(let failure): return .failure(failure)
                }
            case "deflate":
                // "deflate" is zlib-wrapped by the standard, raw in some servers.
                switch inflate(data, windowBits: 15 + 32, limit: limit) {
                case .success(let decoded): data = decoded
                case .failure(.tooLarge(let limit)): return .failure(.tooLarge(limit: limit))
                case .failure:
                    switch inflate(data, windowBits: -15, limit: limit) {
                    case .success(let decoded): data = decoded
                    case .failure(let failure): return .failure(failure)
                    }
                }
            default: return .failure(.unsupported(coding))
            }
        }
        return .success(data)
    }

    /// Every member of a gzip (or one zlib) stream, stopping past `limit` output bytes.
    static func inflate(_ data: Data, windowBits: Int32, limit: Int) -> Result<Data, Failure> {
        let inflater = Inflater(windowBits: windowBits)
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0
        var failure: Failure?
        var ended = false
        data.withUnsafeBytes { input in
            while offset < input.count {
                let (consumed, produced, status) = chunk.withUnsafeMutableBytes { inflater.inflate(UnsafeRawBufferPointer(rebasing: input[offset...]), into: $0) }
                offset += consumed
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit { failure = .tooLarge(limit: limit); return }
                ended = status == .end
                switch status {
                case .failed(let reason): failure = .damaged(reason); return
                case .end:
                    // Another gzip member may follow (concatenated members are one body); trailing zeros are padding.
                    let rest = UnsafeRawBufferPointer(rebasing: input[offset...])
                    guard rest.count >= 2, rest[0] == 0x1F, rest[1] == 0x8B else { return }
                    inflater.reset()
                case .more:
                    if consumed == 0 && produced == 0 { failure = .damaged("truncated"); return }
                }
            }
        }
        if let failure { return .failure(failure) }
        if !ended { return .failure(.damaged("cut short")) }
        return .success(output)
    }
}

/// gzip compression of a whole buffer into one member: for generated
/// archives and test fixtures (lede itself only ever inflates).
public enum GzipCompression {
    public static func compress(_ data: Data, level: Int32 = 6) -> Data {
        var stream = z_stream()
        guard lede_deflate_init2(&stream, level, 15 + 16) == Z_OK else { return Data() }
        defer { deflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        data.withUnsafeBytes { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            var status = Z_OK
            repeat {
                chunk.withUnsafeMutableBytes { out in
                    stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = uInt(out.count)
                    status = deflate(&stream, Z_FINISH)
                    output.append(out.baseAddress!.assumingMemoryBound(to: UInt8.self), count: out.count - Int(stream.avail_out))
                }
            } while status == Z_OK
        }
        return output
    }
}
