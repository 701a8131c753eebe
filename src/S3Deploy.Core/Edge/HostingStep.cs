using S3Deploy.Core.CloudFront;
using S3Deploy.Core.Diagnostics;

namespace S3Deploy.Core.Edge;

/// <summary>
/// Applies planned hosting changes: the function written and published to LIVE, then the distribution's config sent back
/// whole with If-Match, read and reapplied when someone else changed it in between. A change the plan found unchanged is skipped.
/// </summary>
internal static class HostingStep
{
    private const int Attempts = 5;

    public static async Task ApplyAsync(IReadOnlyList<HostingChange> changes, string? errorDocument, string? spaIndex, Func<CloudFrontClient> clients, Action<string> info, CancellationToken ct)
    {
        if (!changes.Any(c => c.Changes))
        {
            return;
        }

        var client = clients();
        foreach (var change in changes.Where(c => c.Changes))
        {
            var id = change.DistributionId;
            var name = change.FunctionName;
            var development = await client.DescribeFunctionAsync(id, name, HostingPlanner.Development, ct);
            var live = development is null ? null : await client.DescribeFunctionAsync(id, name, HostingPlanner.Live, ct);
            if (development is null)
            {
                var etag = await client.CreateFunctionAsync(id, name, change.Comment, change.Code, ct);
                await client.PublishFunctionAsync(id, name, etag, ct);
            }
            else if (development.Comment != change.Comment || live?.Comment != change.Comment)
            {
                var etag = development.Comment == change.Comment
                    ? development.ETag
                    : await client.UpdateFunctionAsync(id, name, development.ETag, change.Comment, change.Code, ct);
                await client.PublishFunctionAsync(id, name, etag, ct);
            }

            var arn = (await client.DescribeFunctionAsync(id, name, HostingPlanner.Live, ct))?.Arn
                ?? throw new DeployException(CloudFrontCodes.ServiceError, FailureKind.Service, $"CloudFront did not describe the function '{name}' after publishing it. Run again.");
            var policyId = await ApplyHeadersAsync(client, change, ct);
            await UpdateDistributionAsync(client, id, arn, HostingPlanner.Page(errorDocument, change.Paths), spaIndex is null ? null : change.Paths.SiteRoot + spaIndex, policyId, ct);
            info($"CloudFront {id}: function {name} {change.FunctionChange}{(change.DistributionChanges.Count > 0 ? "; " + string.Join("; ", change.DistributionChanges) : "")}");
        }
    }

    private static async Task<string?> ApplyHeadersAsync(CloudFrontClient client, HostingChange change, CancellationToken ct)
    {
        if (change.HeadersPolicy is not { } policy)
        {
            return null;
        }

        if (change.HeadersPolicyId is not { } existing)
        {
            try
            {
                return await client.CreateResponseHeadersPolicyAsync(change.DistributionId, policy, ct);
            }
            catch (DeployException e) when (e.InnerException is CloudFrontException { ErrorCode: "ResponseHeadersPolicyAlreadyExists" })
            {
                // A run stopped between creating the policy and pointing the distribution at it: take that policy over.
                var name = (string?)policy.Element(CloudFrontXml.Ns + "Name") ?? "";
                var found = await client.FindResponseHeadersPolicyAsync(change.DistributionId, name, ct);
                if (found is null || await client.GetResponseHeadersPolicyAsync(change.DistributionId, found, ct) is not { } taken)
                {
                    throw;
                }

                await client.UpdateResponseHeadersPolicyAsync(change.DistributionId, found, policy, taken.ETag, ct);
                return found;
            }
        }

        if (change.HeadersPolicyChange == HostingChange.Updated && await client.GetResponseHeadersPolicyAsync(change.DistributionId, existing, ct) is { } current)
        {
            await client.UpdateResponseHeadersPolicyAsync(change.DistributionId, existing, policy, current.ETag, ct);
        }

        return existing;
    }

    private static async Task UpdateDistributionAsync(CloudFrontClient client, string id, string arn, string? errorPage, string? spaPage, string? policyId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (config, etag) = await client.GetDistributionConfigXmlAsync(id, ct);
            var (edited, changes) = DistributionEdit.Apply(config, arn, errorPage, spaPage, policyId);
            if (changes.Count == 0)
            {
                return;
            }

            try
            {
                await client.UpdateDistributionAsync(id, edited, etag, ct);
                return;
            }
            catch (DeployException e) when (CloudFrontClient.IsStale(e))
            {
                if (attempt == Attempts)
                {
                    throw new DeployException(DiagnosticCode.DistributionKeepsChanging, FailureKind.Service, $"Distribution {id} changed under every one of {Attempts} attempts to update it (PreconditionFailed). Run again when nobody else is editing it.", e);
                }
            }
        }
    }
}
