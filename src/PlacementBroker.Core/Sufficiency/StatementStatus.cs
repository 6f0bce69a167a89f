using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PlacementBroker.Core.Auditing;
using PlacementBroker.Core.Data;

namespace PlacementBroker.Core.Sufficiency;

public enum StatementStatus
{
    Draft,
    Published,
}
