using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlacementBroker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExactTextOnSqlServer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
