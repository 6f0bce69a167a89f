using Microsoft.EntityFrameworkCore;
using Npgsql;
using PlacementBroker.Web.Api;

namespace PlacementBroker.Web.Tests.Api;

/// <summary>Which database failures are a lost race (409, safe to retry) rather than a fault.</summary>
public class ConcurrencyExceptionHandlerTests
{
    [Theory]
    [InlineData("40P01", true)]
    [InlineData("40001", true)]
    [InlineData("23505", false)]
    [InlineData("08006", false)]
    public void LostRace_IsADeadlockOrSerialisationFailure_WrappedOrNot(string sqlState, bool lostRace)
    {
        var postgres = new PostgresException("failure", "ERROR", "ERROR", sqlState);

        Assert.Equal(lostRace, ConcurrencyExceptionHandler.IsLostRace(postgres));
        Assert.Equal(lostRace, ConcurrencyExceptionHandler.IsLostRace(new DbUpdateException("save failed", postgres)));
    }
}
