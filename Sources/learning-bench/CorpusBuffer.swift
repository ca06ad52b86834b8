import LearningContract
import LearningFixtures

/// A corpus in one contiguous byte array with line offsets: cache-friendly, and each payload is handed to the
/// validators as an `UnsafeRawBufferPointer` without copying.
struct CorpusBuffer {
    var name: String
    var bytes: [UInt8] = []
    var offsets: [Int] = [0]
    var mutations: [SyntheticCorpus.Mutation?] = []
    var shapes: [SyntheticCorpus.Shape?] = []

    init(name: String, payloads: [SyntheticCorpus.Payload]) {
        self.name = name
        bytes.reserveCapacity(payloads.reduce(0) { $0 + $1.bytes.count })
        for payload in payloads {
            bytes += payload.bytes
            offsets.append(bytes.count)
            mutations.append(payload.mutation)
            shapes.append(payload.shape)
        }
    }

    var count: Int { offsets.count - 1 }
    var totalBytes: Int { bytes.count }

    /// Calls `body` with every payload in order.
    func forEach(_ body: (UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes { all in
            for i in 0..<count {
                body(UnsafeRawBufferPointer(rebasing: all[offsets[i]..<offsets[i + 1]]))
            }
        }
    }

    func payload(_ i: Int) -> ArraySlice<UInt8> { bytes[offsets[i]..<offsets[i + 1]] }

    /// What the i-th payload is: its shape, else its mutation, else "-".
    func label(_ i: Int) -> String { shapes[i]?.rawValue ?? mutations[i]?.rawValue ?? "-" }
}
