using S3Deploy.Core.Applying;

namespace S3Deploy.IntegrationTests.Infrastructure;

/// <summary>The info lines a deploy reports, such as the bucket settings it changed.</summary>
public sealed class InfoLines : IDeployObserver
{
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }

    public void Info(string message)
    {
        lock (lines)
        {
            lines.Add(message);
        }
    }
}
