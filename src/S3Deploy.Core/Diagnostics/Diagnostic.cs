namespace S3Deploy.Core.Diagnostics;

/// <summary>
/// A coded message from Core to the adapters, kept typed all the way, so a CI annotation, a build warning and a JSON
/// field each get the code and the text apart without parsing them back out of a line.
/// </summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message)
{
    public static Diagnostic Warning(string code, string message) => new(code, Severity.Warning, message);

    public static Diagnostic Error(string code, string message) => new(code, Severity.Error, message);

    public override string ToString() => $"{Code}: {Message}";
}
