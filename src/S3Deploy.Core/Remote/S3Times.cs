using System.Globalization;

namespace S3Deploy.Core.Remote;

/// <summary>LastModified as the SDK hands it over (a DateTime of any kind, or the text of a copy result), as one UTC instant.</summary>
internal static class S3Times
{
    public static DateTimeOffset? From(DateTime? time) => time switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        { } t => new DateTimeOffset(t.ToUniversalTime()),
    };

    public static DateTimeOffset? From(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
}
