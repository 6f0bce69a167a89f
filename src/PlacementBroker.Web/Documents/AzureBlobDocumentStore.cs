using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PlacementBroker.Core.Sharing;

namespace PlacementBroker.Web.Documents;

/// <summary>
/// Documents in an Azure Storage container (councils' own tenancies; encrypted at rest by the service). The container
/// is created, private, the first time it is used. Blobs are never public: every download goes through the API, which
/// checks the caller's stage and audits the read.
/// </summary>
public class AzureBlobDocumentStore(BlobContainerClient container) : IDocumentStore
{
    private readonly SemaphoreSlim _created = new(1, 1);
    private bool _exists;

    public async Task SaveAsync(string key, byte[] content, CancellationToken ct = default)
    {
        await EnsureContainerAsync(ct);
        await container.GetBlobClient(key).UploadAsync(new BinaryData(content), overwrite: true, ct);
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken ct = default)
    {
        try
        {
            var result = await container.GetBlobClient(key).DownloadContentAsync(ct);
            return result.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct = default)
    {
        try
        {
            await container.GetBlobClient(key).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The container itself is gone: nothing to delete.
        }
    }

    private async Task EnsureContainerAsync(CancellationToken ct)
    {
        if (_exists)
        {
            return;
        }
        await _created.WaitAsync(ct);
        try
        {
            await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: ct);
            _exists = true;
        }
        finally
        {
            _created.Release();
        }
    }
}
