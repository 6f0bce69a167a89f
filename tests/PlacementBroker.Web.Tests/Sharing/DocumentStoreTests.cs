using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using PlacementBroker.Core.Sharing;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Documents;

namespace PlacementBroker.Web.Tests.Sharing;

/// <summary>The one port, the same behaviour from both stores: on the file system and on Azurite.</summary>
public abstract class DocumentStoreTests
{
    protected abstract IDocumentStore Store { get; }

    [Fact]
    public async Task Stores_reads_replaces_and_deletes_by_key()
    {
        var key = $"referrals/{Guid.NewGuid():N}/{Guid.NewGuid():N}";
        Assert.Null(await Store.ReadAsync(key));
        var first = DocumentSamples.Pdf("first");
        await Store.SaveAsync(key, first);
        Assert.Equal(first, await Store.ReadAsync(key));
        var second = DocumentSamples.Pdf("second");
        await Store.SaveAsync(key, second);
        Assert.Equal(second, await Store.ReadAsync(key));
        await Store.DeleteAsync(key);
        Assert.Null(await Store.ReadAsync(key));
        // Deleting what is not there is not an error: a retention run stopped midway deletes again.
        await Store.DeleteAsync(key);
    }

    [Fact]
    public async Task Keeps_large_files_whole()
    {
        var key = $"referrals/{Guid.NewGuid():N}/{Guid.NewGuid():N}";
        var content = new byte[DocumentContent.MaxBytes];
        Random.Shared.NextBytes(content);
        await Store.SaveAsync(key, content);
        Assert.Equal(content, await Store.ReadAsync(key));
    }
}

public sealed class FileSystemDocumentStoreTests : DocumentStoreTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "placementbroker-documents-" + Guid.NewGuid().ToString("N"));
    private readonly IDataProtectionProvider _keys;

    public FileSystemDocumentStoreTests()
    {
        _keys = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(_root, "keys")));
        Store = new FileSystemDocumentStore(Path.Combine(_root, "documents"), _keys, NullLogger<FileSystemDocumentStore>.Instance);
    }

    protected override IDocumentStore Store { get; }

    [Fact]
    public async Task Encrypts_at_rest_and_refuses_a_file_changed_on_disk()
    {
        var key = $"referrals/{Guid.NewGuid():N}/{Guid.NewGuid():N}";
        var content = System.Text.Encoding.UTF8.GetBytes("%PDF-1.4 Risk assessment: absconds when anxious");
        await Store.SaveAsync(key, content);
        var onDisk = Directory.GetFiles(Path.Combine(_root, "documents"), "*", SearchOption.AllDirectories).Single();
        var stored = await File.ReadAllBytesAsync(onDisk);
        Assert.True(stored.AsSpan().IndexOf("absconds"u8) < 0, "the document must not be readable on disk");
        Assert.NotEqual(content, stored);

        // Another key ring (another installation, or a stolen copy of the folder) reads nothing.
        var elsewhere = new FileSystemDocumentStore(Path.Combine(_root, "documents"),
            DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(_root, "other-keys"))), NullLogger<FileSystemDocumentStore>.Instance);
        Assert.Null(await elsewhere.ReadAsync(key));

        stored[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(onDisk, stored);
        Assert.Null(await Store.ReadAsync(key));
    }

    [Fact]
    public async Task Refuses_a_key_that_leaves_its_folder()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync("../../outside", [1, 2, 3]));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

public sealed class AzureBlobDocumentStoreTests : DocumentStoreTests, IAsyncLifetime
{
    private readonly BlobContainerClient _container = new(TestEnvironment.Azurite, "store-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public AzureBlobDocumentStoreTests() => Store = new AzureBlobDocumentStore(_container);

    protected override IDocumentStore Store { get; }

    [Fact]
    public async Task Creates_its_container_private()
    {
        await Store.SaveAsync("referrals/a/b", DocumentSamples.Pdf());
        var properties = await _container.GetPropertiesAsync();
        Assert.Equal(Azure.Storage.Blobs.Models.PublicAccessType.None, properties.Value.PublicAccess);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _container.DeleteIfExistsAsync();
}
