namespace S3Deploy.Core.Headers;

/// <summary>Header checks the config validator needs beyond <see cref="HeaderValues"/>.</summary>
internal static class HeaderChecks
{
    /// <summary>Control characters never; outside ASCII only in a file name, which is then sent as filename*=UTF-8''….</summary>
    public static string? DispositionProblem(string value) =>
        HeaderValues.ControlProblem(value)
        ?? (DispositionEncoding.Encode(value) is null ? HeaderValues.Problem(value) + " (outside ASCII only a filename=\"…\" parameter can be encoded)" : null);
}
