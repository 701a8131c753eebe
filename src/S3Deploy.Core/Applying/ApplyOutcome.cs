using System.Collections.Concurrent;
using S3Deploy.Core.Planning;

namespace S3Deploy.Core.Applying;

/// <summary>What actually happened, filled in as actions finish; the manifest is built from it even after a failure.</summary>
internal sealed class ApplyOutcome
{
    public ConcurrentDictionary<string, StoredObject> Written { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<PlannedAction> Completed { get; } = [];

    public HashSet<string> Deleted { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<Exception> Failures { get; } = new();
}
