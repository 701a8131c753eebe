using System.Collections.Concurrent;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Applying;

/// <summary>Warnings collected for the result, each also shown to the observer as it happens.</summary>
internal sealed class WarningList
{
    private readonly ConcurrentQueue<Diagnostic> items = new();
    private readonly IDeployObserver observer;

    public WarningList(IDeployObserver observer, IEnumerable<Diagnostic> initial)
    {
        this.observer = observer;
        foreach (var warning in initial)
        {
            Add(warning);
        }
    }

    public IReadOnlyList<Diagnostic> Items => [.. items];

    public void Add(Diagnostic warning)
    {
        items.Enqueue(warning);
        observer.Warning(warning);
    }
}
