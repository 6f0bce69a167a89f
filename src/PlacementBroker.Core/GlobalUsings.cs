// The namespaces nearly every file of Core uses; a file names only the others it needs.
global using Microsoft.EntityFrameworkCore;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
global using Microsoft.Extensions.DependencyInjection;
global using PlacementBroker.Core.Auditing;
global using PlacementBroker.Core.Billing;
global using PlacementBroker.Core.Data;
global using PlacementBroker.Core.Dps;
global using PlacementBroker.Core.Identity;
global using PlacementBroker.Core.Matching;
global using PlacementBroker.Core.Notifications;
global using PlacementBroker.Core.Placements;
global using PlacementBroker.Core.Providers;
global using PlacementBroker.Core.Quality;
global using PlacementBroker.Core.Referrals;
global using PlacementBroker.Core.Vocabulary;
