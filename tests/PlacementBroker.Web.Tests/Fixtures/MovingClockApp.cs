using Microsoft.Extensions.DependencyInjection;
using PlacementBroker.Core.Dps;
using PlacementBroker.Core;
using PlacementBroker.TestCommon;
using PlacementBroker.Web.Tests.Pages.Commissioning;
using System.Net;
using System.Text.RegularExpressions;

namespace PlacementBroker.Web.Tests.Fixtures;

/// <summary>
/// An app of its own: these tests move its clock, which every test sharing a fixture would feel. In Development, so
/// that the reminders are read in the email outbox.
/// </summary>
public class MovingClockApp : DevelopmentApp;
