using System.Security.Cryptography;

namespace S3Deploy.Core.Remote;

/// <summary>
/// A read-only view of a response body that refuses to deliver more than a limit (so an endless or huge body costs at
/// most that much) and hashes what passes, so the caller can compare it with the object's ETag.
/// </summary>
internal sealed class BoundedStream(Stream inner, long limit) : ReadOnlyBody(inner)
{
    private readonly IncrementalHash md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);

    public string Md5Hex() => Convert.ToHexStringLower(md5.GetCurrentHash());

    /// <summary>One byte past the limit may be asked for: that is how an oversized body is told from one of exactly the limit.</summary>
    protected override int Allowed(int wanted)
    {
        if (BytesRead > limit)
        {
            throw new BodyTooLargeException(limit);
        }

        return (int)Math.Min(wanted, limit + 1 - BytesRead);
    }

    protected override void Received(ReadOnlySpan<byte> read)
    {
        if (BytesRead > limit)
        {
            throw new BodyTooLargeException(limit);
        }

        md5.AppendData(read);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            md5.Dispose();
        }

        base.Dispose(disposing);
    }
}
