using System.Buffers;
using System.Globalization;

namespace S3Deploy.Core.Headers;

/// <summary>
/// What a header value may hold. Values go onto the wire as written, so a CR or LF would end the header and start one the
/// configuration never meant (<c>x-amz-acl: public-read</c>); HTTP stacks cannot send characters outside ASCII either.
/// </summary>
internal static class HeaderValues
{
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    // C0, DEL and C1: everything char.IsControl says yes to.
    private static readonly SearchValues<char> Controls =
        SearchValues.Create(string.Concat(Enumerable.Range(0, 0xa0).Select(c => (char)c).Where(char.IsControl)));

    /// <summary>Null when the value can be sent as it is; else why it cannot.</summary>
    public static string? Problem(string value) => ControlProblem(value) ?? AsciiProblem(value);

    /// <summary>Control characters only: for values that are encoded before they are sent (metadata, Content-Disposition).</summary>
    public static string? ControlProblem(string value)
    {
        var i = value.AsSpan().IndexOfAny(Controls);
        return i < 0 ? null : $"it contains the control character {Escape(value[i])}; header values cannot hold control characters (a line break would start another header)";
    }

    /// <summary>Metadata names become header names (x-amz-meta-NAME), which must be HTTP tokens.</summary>
    public static string? NameProblem(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || TokenSymbols.Contains(c, StringComparison.Ordinal))
            ? null
            : $"the metadata name '{Printable(name)}' is not valid: use ASCII letters, digits and - _ . only (it becomes the header x-amz-meta-NAME)";

    /// <summary>'\u000d' for a carriage return: visible, and safe to print.</summary>
    public static string Escape(char c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);

    /// <summary>The text with control characters escaped, so an error message cannot itself inject a line.</summary>
    public static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? Escape(c) : c.ToString()));

    private static string? AsciiProblem(string value)
    {
        var i = value.AsSpan().IndexOfAnyExceptInRange(' ', '~');
        return i < 0 ? null : $"it contains '{value[i]}' ({Escape(value[i])}), which is not ASCII; HTTP headers carry ASCII only";
    }
}
