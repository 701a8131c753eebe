using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Headers;

/// <summary>Names of encodings as the config file, Content-Encoding and precompressed file suffixes spell them.</summary>
internal static class Encodings
{
    public static string? ContentEncoding(Compression compression) => compression switch
    {
        Compression.Gzip => "gzip",
        Compression.Brotli => "br",
        _ => null,
    };

    public static string Suffix(Compression compression) => compression == Compression.Gzip ? ".gz" : ".br";

    /// <summary>"gzip", "br" or "none" (and null for none); anything else is a usage error naming the field.</summary>
    public static Compression Parse(string? value, string field) => value switch
    {
        null or "none" => Compression.None,
        "gzip" => Compression.Gzip,
        "br" => Compression.Brotli,
        _ => throw DeployException.Usage(DiagnosticCode.BadOption, $"{field} must be \"gzip\", \"br\" or \"none\", not \"{value}\"."),
    };
}
