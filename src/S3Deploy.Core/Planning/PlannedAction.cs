namespace S3Deploy.Core.Planning;

/// <summary>One change to the bucket. <see cref="Desired"/> is null only for deletes.</summary>
public sealed record PlannedAction(string RelativeKey, ActionKind Kind, ActionReason Reason, Phase Phase, DesiredObject? Desired)
{
    /// <summary>Bytes this action sends: a header update copies inside S3 and sends none.</summary>
    public long BytesToSend => Kind == ActionKind.Upload && RestoreFrom is null ? Desired!.File.Size : 0;

    /// <summary>A rollback's restore: the key whose bytes are copied here inside S3 (the store, or a live object with the same content).</summary>
    public string? RestoreFrom { get; init; }

    /// <summary>A rollback's restore from an earlier version of <see cref="RestoreFrom"/> (a versioned bucket); null: its current bytes.</summary>
    public string? RestoreVersionId { get; init; }

    public string KindName => Kind switch
    {
        ActionKind.Upload => "upload",
        ActionKind.UpdateHeaders => "update-headers",
        _ => "delete",
    };

    public string ReasonName => Reason.ToString().ToLowerInvariant();

    /// <summary>Where a configured redirect points; null for files and deletes.</summary>
    public string? RedirectLocation => Kind == ActionKind.Delete ? null : Desired?.Headers.RedirectLocation;
}
