using System.Collections.Concurrent;

namespace S3Deploy.Core.Applying;

/// <summary>Warnings collected for the result, each also shown to the observer as it happens.</summary>
internal sealed class WarningList
{
    private readonly ConcurrentQueue<string> items = new();
    private readonly IDeployObserver observer;

    public WarningList(IDeployObserver observer, IEnumerable<string> initial)
    {
        this.observer = observer;
        foreach (var warning in initial)
        {
            Add(warning);
        }
    }

    public IReadOnlyList<string> Items => [.. items];

    public void Add(string warning)
    {
        items.Enqueue(warning);
        observer.Warning(warning);
    }
}
