using AutoMapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace PlacementBroker.Core.Tests;

public class MappingConfigurationTests
{
    [Fact]
    public void Profiles_EveryReadModelMember_IsMapped()
    {
        var configuration = new MapperConfiguration(cfg => cfg.AddMaps(typeof(PlacementBroker.Core.Data.DataExtensions).Assembly), NullLoggerFactory.Instance);

        configuration.AssertConfigurationIsValid();
    }
}
