using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Planning;

namespace S3Deploy.Core.Applying;

/// <summary>What of a plan landed: the completed actions in plan order, the invalidations made, the deletes held back.</summary>
internal sealed record Landed(IReadOnlyList<PlannedAction> Completed, IReadOnlyList<InvalidationResult> Invalidations, int HeldDeletes);
