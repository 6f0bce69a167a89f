using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PlacementBroker.Core.Data;

namespace PlacementBroker.Core.Auditing;

/// <summary>What a verification of the chain found: whole through a sequence, or broken at the first event that does not follow.</summary>
public sealed record AuditChainReport(bool Intact, long CheckedThroughSequence, long? BrokenAtEventId, string? Reason, DateTime VerifiedAt, long UnsealedEvents);
