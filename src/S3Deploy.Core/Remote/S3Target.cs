using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Remote;

/// <summary>A bucket and an optional key prefix, parsed from <c>s3://bucket[/prefix]</c>.</summary>
public sealed record S3Target(string Bucket, string Prefix)
{
    /// <summary>The prefix with a trailing slash, or empty: the boundary that keeps <c>site</c> from matching <c>site2/</c>.</summary>
    public string KeyPrefix => Prefix.Length == 0 ? "" : Prefix + "/";

    public string KeyFor(string relativeKey) => KeyPrefix + relativeKey;

    public string RelativeKey(string key) => key[KeyPrefix.Length..];

    public override string ToString() => Prefix.Length == 0 ? $"s3://{Bucket}" : $"s3://{Bucket}/{Prefix}";

    public static S3Target Parse(string value)
    {
        if (!value.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            throw Bad(value, "it must start with s3://");
        }

        var rest = value[5..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? "" : rest[(slash + 1)..].TrimEnd('/');
        if (!IsValidBucketName(bucket))
        {
            throw Bad(value, $"'{bucket}' is not a valid bucket name (3-63 characters: lowercase letters, digits, dots and hyphens; not shaped like an IP address, no '..', no 'xn--' start or '-s3alias' end)");
        }

        if (prefix.StartsWith('/') || prefix.Contains("//", StringComparison.Ordinal))
        {
            throw Bad(value, "the prefix has an empty path segment");
        }

        if (prefix.Split('/').Any(segment => segment is "." or ".."))
        {
            throw Bad(value, "the prefix has a '.' or '..' segment, which S3 keeps literally but browsers and CloudFront resolve");
        }

        if (prefix.Any(char.IsControl))
        {
            throw Bad(value, "the prefix has a control character");
        }

        return new S3Target(bucket, prefix);
    }

    private static bool IsValidBucketName(string name) =>
        name.Length is >= 3 and <= 63
        && char.IsAsciiLetterOrDigit(name[0])
        && char.IsAsciiLetterOrDigit(name[^1])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-')
        && !name.Contains("..", StringComparison.Ordinal)
        && !System.Text.RegularExpressions.Regex.IsMatch(name, @"^\d{1,3}(\.\d{1,3}){3}$")
        && !name.StartsWith("xn--", StringComparison.Ordinal)
        && !name.StartsWith("sthree-", StringComparison.Ordinal)
        && !name.EndsWith("-s3alias", StringComparison.Ordinal)
        && !name.EndsWith("--ol-s3", StringComparison.Ordinal);

    private static DeployException Bad(string value, string why) =>
        DeployException.Usage(DiagnosticCode.BadTarget, $"Target '{value}' is not usable: {why}. Write it as s3://BUCKET or s3://BUCKET/PREFIX.");
}
