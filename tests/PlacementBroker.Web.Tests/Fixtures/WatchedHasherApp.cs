using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute;
using PlacementBroker.Core.Identity;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Api;
using System.Net.Http.Json;
using System.Net;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>The real password hasher, watched, so a test sees which sign-ins pay for a password check.</summary>
public class WatchedHasherApp : PostgresApp
{
    public PasswordHasher<User> Hasher { get; } =
        Substitute.ForPartsOf<PasswordHasher<User>>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<User>>(Hasher));
    }
}
