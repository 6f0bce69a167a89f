using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlacementBroker.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SettingUrnReviewAndOfstedRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Settings_OfstedUrn",
                table: "Settings");

            migrationBuilder.AddColumn<string>(
                name: "DeclaredOfstedGrade",
                table: "Settings",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewReason",
                table: "Settings",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewStatus",
                table: "Settings",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "Settings",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OfstedRegister",
                columns: table => new
                {
                    Urn = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SettingName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    OwnerName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Grade = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    InspectionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Closed = table.Column<bool>(type: "bit", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfstedRegister", x => x.Urn);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Settings_OfstedUrn_ProviderId",
                table: "Settings",
                columns: new[] { "OfstedUrn", "ProviderId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OfstedRegister");

            migrationBuilder.DropIndex(
                name: "IX_Settings_OfstedUrn_ProviderId",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "DeclaredOfstedGrade",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "ReviewReason",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "ReviewStatus",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Settings");

            migrationBuilder.CreateIndex(
                name: "IX_Settings_OfstedUrn",
                table: "Settings",
                column: "OfstedUrn",
                unique: true);
        }
    }
}
