# Shared by the Pester suites (tests/*.Tests.ps1). Each suite imports the built module itself, then this file.
# The embedded emulator lives as long as the process and every suite shares it: tests isolate themselves with unique
# names (New-TestSuffix) instead of assuming an empty platform.

Set-StrictMode -Version Latest
# Helpers that build fixtures must not carry on half-way: any step's error ends the test that called them.
$ErrorActionPreference = 'Stop'

function New-TestSuffix {
    <#
    .SYNOPSIS
        A short random word to make the names of one test's resources unique.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    [guid]::NewGuid().ToString('N').Substring(0, 8)
}

function Get-EmulatorEngine {
    <#
    .SYNOPSIS
        The embedded emulator's engine behind the current context (Connect-Platform -Emulator adds it as 'Emulator').
        Tests reach the emulator only through this: its types are not visible to type literals.
    #>
    [CmdletBinding()]
    param()
    $engine = (Get-PlatformContext).Emulator
    if (-not $engine) { throw 'The current context is not connected to the embedded emulator (Connect-Platform -Emulator).' }
    $engine
}

function Get-EmulatorJournalMark {
    <#
    .SYNOPSIS
        How many requests the embedded emulator has answered so far; pass it to Get-EmulatorWriteSince.
    #>
    [CmdletBinding()]
    [OutputType([long])]
    param()
    (Get-EmulatorEngine).Journal.Total
}

function Get-EmulatorRequestSince {
    <#
    .SYNOPSIS
        The requests the embedded emulator answered since the mark (entries with Method, Path, Status, IsWrite).
    #>
    [CmdletBinding()]
    [OutputType('PlatformFlow.Emulator.Engine.JournalEntry')]
    param([Parameter(Mandatory)][long] $Mark)
    $journal = (Get-EmulatorEngine).Journal
    $answeredSince = [int]($journal.Total - $Mark)
    if ($answeredSince -gt 0) {
        $journal.Recent | Select-Object -Last $answeredSince
    }
}

function Get-EmulatorWriteSince {
    <#
    .SYNOPSIS
        The platform requests that could change something (POST, PATCH, PUT, DELETE under /data/) answered since the mark.
        IMS token requests (/ims/token/v3) are POSTs too but change nothing on the platform, so they are not counted.
    #>
    [CmdletBinding()]
    [OutputType('PlatformFlow.Emulator.Engine.JournalEntry')]
    param([Parameter(Mandatory)][long] $Mark)
    Get-EmulatorRequestSince -Mark $Mark |
        Where-Object { $_.IsWrite -and $_.Path.StartsWith('/data/', [StringComparison]::Ordinal) }
}

function Set-EmulatorRunTiming {
    <#
    .SYNOPSIS
        How long the embedded emulator keeps a new run queued and then in progress. A suite that waits for runs makes them
        quick (its emulator is its own: EmulatorSuite.ps1 connects with -Reset).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][TimeSpan] $QueuedFor,
        [Parameter(Mandatory)][TimeSpan] $RunsFor
    )
    $options = (Get-EmulatorEngine).Options
    $options.RunQueuedFor = $QueuedFor
    $options.RunDuration = $RunsFor
}

function New-ShopifyFlowPrerequisite {
    <#
    .SYNOPSIS
        What every flow of the tutorial needs first: a profile schema, a dataset on it and a Shopify base connection.
    .OUTPUTS
        An object with Schema, Dataset, BaseConnection and ShopifyToken (the plain text of the shop's access token, so
        tests can check that it is never shown).
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Suffix)
    $shopifyToken = "shpat-test-$Suffix-$(New-TestSuffix)"
    $schema = New-XdmSchema -Title "Orders $Suffix" -Class profile -FieldGroup profile-person-details, profile-personal-details
    $dataset = $schema | New-Dataset -Name "Orders $Suffix"
    $base = New-BaseConnection -Name "Shop $Suffix" -ConnectionSpec Shopify -Parameter @{
        host        = 'shop.example'
        accessToken = ConvertTo-SecureString $shopifyToken -AsPlainText -Force
    }
    [pscustomobject]@{
        Schema         = $schema
        Dataset        = $dataset
        BaseConnection = $base
        ShopifyToken   = $shopifyToken
    }
}

function New-ShopifyTestFlow {
    <#
    .SYNOPSIS
        Builds one dataflow per name with the tutorial's short pipeline (Shopify.Orders, columns Email and Phone), mapping
        only Phone: runs really ingest now, and no XDM rule refuses a phone number, so its runs succeed. Tests of records
        that fail build their own mapping (Email to personalEmail.address fails the malformed emails).
    #>
    [CmdletBinding()]
    [OutputType('PlatformFlow.Client.Models.Dataflow')]
    param(
        [Parameter(Mandatory, ValueFromPipeline)][string] $FlowName,
        [Parameter(Mandatory)] $Prerequisite,
        [DateTimeOffset] $StartTime = [DateTimeOffset]::UtcNow
    )
    process {
        New-SourceConnection -Name $FlowName -BaseConnectionId $Prerequisite.BaseConnection.Id -TableName Shopify.Orders -Column Email, Phone |
            New-TargetConnection -DatasetId $Prerequisite.Dataset.Id |
            New-MappingSet -Mapping @{ Phone = 'mobilePhone.number' } |
            Get-FlowSpec |
            New-Dataflow -Frequency Once -StartTime $StartTime
    }
}

function Get-CurrentAccessToken {
    <#
    .SYNOPSIS
        The access token the current context sends, to check that no output ever shows it.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    (Get-PlatformContext).Client.Settings.Tokens.GetAccessTokenAsync([Threading.CancellationToken]::None).GetAwaiter().GetResult()
}

function Start-StandaloneEmulator {
    <#
    .SYNOPSIS
        Starts the standalone host the solution builds on a free loopback port, with these extra arguments (and
        environment variables, for a secret the process list must not show), and waits until it listens.
    .OUTPUTS
        An object with Process (stop it when done) and Url.
    #>
    [CmdletBinding()]
    param([string[]] $Argument = @(), [hashtable] $Environment = @{})
    $hostAssembly = Join-Path $PSScriptRoot '../src/PlatformFlow.Emulator.Host/bin/Release/net10.0/PlatformFlow.Emulator.Host.dll'
    if (-not (Test-Path $hostAssembly)) { throw "The standalone host is not built: $hostAssembly" }
    $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($each in @($hostAssembly, '--port', '0') + $Argument) { $start.ArgumentList.Add($each) }
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($start)
    $firstLine = $process.StandardOutput.ReadLineAsync()
    if (-not $firstLine.Wait([TimeSpan]::FromSeconds(60)) -or $firstLine.Result -notmatch 'listening on (?<url>http://127\.0\.0\.1:\d+)') {
        $process.Kill()
        throw "The standalone emulator did not start: $($firstLine.Result)"
    }
    [pscustomobject]@{ Process = $process; Url = $Matches.url }
}

Export-ModuleMember -Function New-TestSuffix, Get-EmulatorEngine, Set-EmulatorRunTiming, Get-EmulatorJournalMark, Get-EmulatorRequestSince, Get-EmulatorWriteSince, New-ShopifyFlowPrerequisite, New-ShopifyTestFlow, Get-CurrentAccessToken, Start-StandaloneEmulator
