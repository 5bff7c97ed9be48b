#Requires -Version 7.0
<#
.SYNOPSIS
    Builds PlatformFlow and runs its tests or the tutorial. Needs only the .NET SDK: run it as
    `dotnet tool restore && dotnet pwsh ./build.ps1 -Task ...` (PowerShell comes from the tool manifest, Pester from NuGet).
.PARAMETER Task
    Build    - build the solution; the module folder appears at out/PlatformFlow.
    Test     - build, then run the xunit suite and the Pester suite (tests/*.Tests.ps1); prints each suite's counts
               split into behaviour, conformance, metadata and examples (xunit trait Category, Pester tags), the
               line and branch coverage of the xunit behaviour tests, and ends with one line "tests: N passed, N failed".
    UpdateHelp - build, then rewrite the generated parts of docs/cmdlets/*.md and the MAML help file
               (tests/PlatformFlow.HelpWriter); the help tests only compare against them.
    Pester   - run only the Pester suite against out/PlatformFlow.
    Tutorial - build, then run the tutorial's whole flow as one pipeline against the embedded emulator.
    Mutation - run Stryker.NET (pinned in .config/dotnet-tools.json) against the xunit suite, one folder at a time:
               the client's Http/, Validation/ and Operations/ and the emulator's Engine/. Prints each folder's score
               and its surviving mutants; reports go to artifacts/mutation/<folder>/. Slow: not part of Test or CI.
.PARAMETER Configuration
    Debug or Release (default Release).
.PARAMETER NoBuild
    Use what is already built.
.PARAMETER MutationFolder
    Mutation only: the folders to mutate (default all): ClientHttp, ClientValidation, ClientOperations, EmulatorEngine.
.PARAMETER Since
    Mutation only: mutate only the folder's files changed since this git commit.
.PARAMETER MutationFile
    Mutation only: mutate only these files of the folder (file names, comma-separated).
.PARAMETER Concurrency
    Mutation only: test processes Stryker runs at once (default 1, for a shared machine).
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Tutorial
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Tutorial', 'UpdateHelp', 'Mutation')]
    [string] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $NoBuild,
    # A list, or one comma-separated word (as 'dotnet pwsh ./build.ps1 -MutationFolder A,B' from a shell passes it).
    [string[]] $MutationFolder = @('ClientHttp', 'ClientValidation', 'ClientOperations', 'EmulatorEngine'),
    [string] $Since,
    [string[]] $MutationFile,
    [ValidateRange(1, 16)]
    [int] $Concurrency = 1
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$moduleFolder = Join-Path $root 'out/PlatformFlow'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-ChildPowerShell {
    # The same PowerShell that runs this script, in a new process: as a .NET tool ('dotnet pwsh') the process is the
    # dotnet host running pwsh.dll, so no 'pwsh' needs to be on the PATH.
    $self = (Get-Process -Id $PID).Path
    if ([IO.Path]::GetFileNameWithoutExtension($self) -eq 'dotnet') {
        & $self (Join-Path $PSHOME 'pwsh.dll') @args
    } else {
        & $self @args
    }
}

function Get-PesterModulePath {
    # Pester 5 from NuGet (tests/PesterPackage restores it); an installed Pester 5 is not needed.
    $pathFile = Join-Path $root 'tests/PesterPackage/obj/pester-path.txt'
    $manifestOf = { if (Test-Path $pathFile) { Join-Path (Get-Content $pathFile -TotalCount 1).Trim() 'Pester.psd1' } }
    if (-not ((& $manifestOf) -and (Test-Path (& $manifestOf)))) {
        # Not restored yet, or restored into another packages folder since.
        Invoke-Dotnet build (Join-Path $root 'tests/PesterPackage/PesterPackage.csproj') -c $Configuration --nologo -v quiet | Out-Host
    }
    $manifest = & $manifestOf
    if (-not ($manifest -and (Test-Path $manifest))) { throw "Pester could not be had: NuGet did not restore $manifest." }
    $manifest
}

# Honest counts: each suite's tests are sorted into product behaviour and the checks that are not (xunit trait
# Category / Pester tag): Conformance (a third-party suite run through our code), Metadata (attributes, manifest, help),
# Examples (documented examples run as written). A test with none of them tests behaviour.
$script:categories = 'Behaviour', 'Conformance', 'Metadata', 'Examples'

function New-SuiteCount {
    param([string] $Name)
    [pscustomobject]@{ Name = $Name; Passed = 0; Failed = 0; Skipped = 0; Note = ''; ByCategory = [ordered]@{} }
}

function Add-CategoryCount {
    param($Suite, [string] $Category, [int] $Passed, [int] $Failed, [int] $Skipped)
    $Suite.Passed += $Passed; $Suite.Failed += $Failed; $Suite.Skipped += $Skipped
    $Suite.ByCategory[$Category] = [pscustomobject]@{ Passed = $Passed; Failed = $Failed; Skipped = $Skipped }
}

function Invoke-PesterSuite {
    # In a child process: the suites load the built module and the embedded emulator, whose state is process-wide, so
    # each run starts from an empty emulator and nothing holds out/PlatformFlow's assemblies afterwards.
    $pester = Get-PesterModulePath
    Invoke-ChildPowerShell -NoProfile -NonInteractive -Command {
        param([string] $PesterManifest, [string] $TestsFolder, [string] $ResultFile, [string[]] $Categories)
        $ErrorActionPreference = 'Stop'
        Import-Module $PesterManifest
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = $TestsFolder
        $configuration.Run.Exit = $false
        $configuration.Run.PassThru = $true
        $configuration.Output.Verbosity = 'Detailed'
        $result = Invoke-Pester -Configuration $configuration
        $counts = [ordered]@{}
        foreach ($test in $result.Tests) {
            # A tag on the It or on any Describe/Context around it.
            $tags = [Collections.Generic.List[string]]::new()
            if ($test.Tag) { $tags.AddRange([string[]]@($test.Tag)) }
            for ($block = $test.Block; $block; $block = $block.Parent) { if ($block.Tag) { $tags.AddRange([string[]]@($block.Tag)) } }
            $category = @($Categories | Where-Object { $tags -contains $_ })[0] ?? 'Behaviour'
            $count = $counts[$category] ?? ($counts[$category] = @{ Passed = 0; Failed = 0; Skipped = 0 })
            switch ($test.Result) {
                'Passed' { $count.Passed++ }
                'Failed' { $count.Failed++ }
                default { $count.Skipped++ }
            }
        }
        # A file that fails outside any test (discovery, BeforeAll) fails its tests without counting them: count it too.
        $outside = $result.FailedBlocksCount + $result.FailedContainersCount
        @{ Categories = $counts; FailedOutsideTests = $outside } | ConvertTo-Json -Depth 4 | Set-Content -Path $ResultFile
    } -args $pester, (Join-Path $root 'tests'), $script:pesterResultFile, $script:categories
}

function Invoke-XunitRun {
    # One dotnet test run over the tests of one category; the counts come from its TRX report, not from console text.
    param([string] $Category, [string] $Filter, [switch] $Coverage)
    $resultsFolder = Join-Path $root "artifacts/test-results/$Category"
    Remove-Item $resultsFolder -Recurse -Force -ErrorAction SilentlyContinue
    $arguments = @((Join-Path $root 'PlatformFlow.sln'), '-c', $Configuration, '--no-build', '--filter', $Filter,
        '--logger', 'trx;LogFileName=xunit.trx', '--results-directory', $resultsFolder)
    if ($Coverage) {
        $arguments += '--collect', 'XPlat Code Coverage', '--', 'DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.Format=cobertura',
            'DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.Include=[PlatformFlow*]*',
            'DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.Exclude=[PlatformFlow.Tests]*,[PlatformFlow.HelpWriter]*,[PlatformFlow.Benchmarks]*'
    }
    & dotnet test @arguments | Out-Host
    $exitCode = $LASTEXITCODE
    $trx = Get-ChildItem $resultsFolder -Filter *.trx -Recurse -ErrorAction SilentlyContinue
    $passed = 0; $failed = 0; $skipped = 0
    foreach ($file in $trx) {
        $counters = ([xml](Get-Content $file.FullName -Raw)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $skipped += [int]$counters.notExecuted
    }
    # No report, or a failed run with no failed test, counts as a failure; so does a category that ran no test.
    if (-not $trx -or ($exitCode -ne 0 -and $failed -eq 0) -or $passed + $failed -eq 0) { $failed++ }
    [pscustomobject]@{ Passed = $passed; Failed = $failed; Skipped = $skipped; Folder = $resultsFolder }
}

function Write-Coverage {
    # Line and branch coverage of the PlatformFlow assemblies by the behaviour tests (coverlet's Cobertura report).
    param([string] $ResultsFolder)
    $report = Get-ChildItem $ResultsFolder -Filter coverage.cobertura.xml -Recurse -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $report) { Write-Host 'coverage: no report (coverlet wrote no coverage.cobertura.xml)'; return }
    $coverage = ([xml](Get-Content $report.FullName -Raw)).coverage
    $percent = { param($covered, $valid) if ([int]$valid) { '{0:0.0}%' -f (100.0 * [int]$covered / [int]$valid) } else { 'n/a' } }
    Write-Host ('coverage (xunit behaviour tests): lines {0} ({1}/{2}), branches {3} ({4}/{5})' -f
        (& $percent $coverage.'lines-covered' $coverage.'lines-valid'), $coverage.'lines-covered', $coverage.'lines-valid',
        (& $percent $coverage.'branches-covered' $coverage.'branches-valid'), $coverage.'branches-covered', $coverage.'branches-valid')
    foreach ($package in $coverage.packages.package) {
        Write-Host ('  {0}: lines {1:0.0}%, branches {2:0.0}%' -f $package.name, (100.0 * [double]$package.'line-rate'), (100.0 * [double]$package.'branch-rate'))
    }
}

function Invoke-XunitSuite {
    $suite = New-SuiteCount 'xunit'
    $others = 'Conformance', 'Metadata'
    $behaviour = Invoke-XunitRun -Category Behaviour -Coverage -Filter (($others | ForEach-Object { "Category!=$_" }) -join '&')
    Add-CategoryCount $suite Behaviour $behaviour.Passed $behaviour.Failed $behaviour.Skipped
    foreach ($category in $others) {
        $run = Invoke-XunitRun -Category $category -Filter "Category=$category"
        Add-CategoryCount $suite $category $run.Passed $run.Failed $run.Skipped
    }
    $suite | Add-Member -PassThru CoverageFolder $behaviour.Folder
}

function Invoke-PesterCount {
    $suite = New-SuiteCount 'pester'
    $script:pesterResultFile = Join-Path ([IO.Path]::GetTempPath()) "platformflow-pester-$PID.json"
    Remove-Item $script:pesterResultFile -ErrorAction SilentlyContinue
    try {
        Invoke-PesterSuite | Out-Host
        if (-not (Test-Path $script:pesterResultFile)) {
            $suite.Failed = 1; $suite.Note = 'Pester did not start or did not finish'
            return $suite
        }
        $result = Get-Content $script:pesterResultFile -Raw | ConvertFrom-Json -AsHashtable
        foreach ($category in $script:categories) {
            if ($result.Categories.Contains($category)) {
                $count = $result.Categories[$category]
                Add-CategoryCount $suite $category $count.Passed $count.Failed $count.Skipped
            }
        }
        if ($result.FailedOutsideTests) { $suite.Failed += $result.FailedOutsideTests; $suite.Note = "$($result.FailedOutsideTests) failed outside any test" }
        if ($suite.Passed + $suite.Failed -eq 0) { $suite.Failed = 1; $suite.Note = 'Pester ran no test' }
        $suite
    } finally {
        Remove-Item $script:pesterResultFile -ErrorAction SilentlyContinue
    }
}

function Write-TestSummary {
    param([Parameter(Mandatory)][object[]] $Suites)
    $passed = ($Suites | Measure-Object Passed -Sum).Sum
    $failed = ($Suites | Measure-Object Failed -Sum).Sum
    $skipped = ($Suites | Measure-Object Skipped -Sum).Sum
    foreach ($suite in $Suites) {
        $line = "$($suite.Name): $($suite.Passed) passed, $($suite.Failed) failed, $($suite.Skipped) skipped"
        if ($suite.Note) { $line += " ($($suite.Note))" }
        Write-Host $line
        foreach ($category in $suite.ByCategory.Keys) {
            $count = $suite.ByCategory[$category]
            Write-Host ("  {0,-12} {1} passed, {2} failed, {3} skipped" -f ($category.ToLowerInvariant() + ':'), $count.Passed, $count.Failed, $count.Skipped)
        }
        if ($suite.PSObject.Properties['CoverageFolder']) { Write-Coverage -ResultsFolder $suite.CoverageFolder }
    }
    $summary = "tests: $passed passed, $failed failed"
    if ($skipped -gt 0) { $summary += ", $skipped skipped" }
    Write-Host $summary
    if ($failed -gt 0) { exit 1 }
}

function Invoke-MutationRun {
    param([Parameter(Mandatory)][string] $Folder)
    # Which project each folder belongs to, and the files in it Stryker may mutate.
    $targets = @{
        ClientHttp       = @{ Project = 'PlatformFlow.Client.csproj'; Path = 'src/PlatformFlow.Client/Http' }
        ClientValidation = @{ Project = 'PlatformFlow.Client.csproj'; Path = 'src/PlatformFlow.Client/Validation' }
        ClientOperations = @{ Project = 'PlatformFlow.Client.csproj'; Path = 'src/PlatformFlow.Client/Operations' }
        EmulatorEngine   = @{ Project = 'PlatformFlow.Emulator.csproj'; Path = 'src/PlatformFlow.Emulator/Engine' }
    }
    $target = $targets[$Folder]
    if (-not $target) { throw "Unknown mutation folder '$Folder': use $($targets.Keys -join ', ')." }
    $folderName = Split-Path $target.Path -Leaf
    $mutate = @("**/$folderName/**/*.cs")
    if ($MutationFile) {
        # Only these files of the folder (names, e.g. AsyncCache.cs): to re-check the survivors of one file quickly.
        $mutate = $MutationFile -split ',' | ForEach-Object { "**/$folderName/$_" }
    } elseif ($Since) {
        # Only the folder's files changed since that commit (what Stryker's --since does, without needing its git access).
        $changed = @(git -C $root diff --name-only $Since -- $target.Path | Where-Object { $_ -like '*.cs' -and (Test-Path (Join-Path $root $_)) })
        if ($changed.Count -eq 0) { Write-Host "mutation $($Folder): no file changed since $Since"; return }
        $mutate = $changed | ForEach-Object { "**/$folderName/$(Split-Path $_ -Leaf)" }
    }
    $output = Join-Path $root "artifacts/mutation/$Folder"
    Remove-Item $output -Recurse -Force -ErrorAction SilentlyContinue
    $arguments = @(
        '--project', $target.Project, '--configuration', $Configuration,
        '--concurrency', $Concurrency, '--reporter', 'Progress', '--reporter', 'Json', '--reporter', 'Html',
        '--output', $output, '--skip-version-check',
        # stryker-config.json beside the tests: ConfigureAwait's argument is not mutated (no synchronization context
        # anywhere this library runs, so true and false behave alike).
        '--config-file', 'stryker-config.json',
        # The third-party JSON Schema suite and the help/metadata checks cannot kill a mutant in these folders.
        '--test-case-filter', 'Category!=Conformance&Category!=Metadata'
    )
    foreach ($glob in $mutate) { $arguments += '--mutate', $glob }
    Push-Location (Join-Path $root 'tests/PlatformFlow.Tests')
    try {
        & dotnet dotnet-stryker @arguments | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "Stryker failed on $Folder with exit code $LASTEXITCODE." }
    } finally {
        Pop-Location
    }
    Get-MutationSummary -Folder $Folder -ReportFile (Get-ChildItem $output -Filter mutation-report.json -Recurse | Select-Object -First 1).FullName
}

function Get-MutationSummary {
    # Score as Stryker computes it: detected (killed or timed out) over all valid mutants (detected, survived, no coverage).
    param([Parameter(Mandatory)][string] $Folder, [string] $ReportFile)
    if (-not $ReportFile) { throw "Stryker wrote no mutation-report.json for $Folder." }
    $report = Get-Content $ReportFile -Raw | ConvertFrom-Json -AsHashtable
    $survivors = [Collections.Generic.List[string]]::new()
    $detected = 0; $undetected = 0
    foreach ($file in $report.files.GetEnumerator()) {
        foreach ($mutant in $file.Value.mutants) {
            switch ($mutant.status) {
                { $_ -in 'Killed', 'Timeout' } { $detected++ }
                { $_ -in 'Survived', 'NoCoverage' } {
                    $undetected++
                    $survivors.Add(('{0}:{1} {2} [{3}] {4}' -f ($file.Key -replace '^.*/src/', 'src/'), $mutant.location.start.line, $mutant.status, $mutant.mutatorName, ($mutant.replacement -replace '\s+', ' ')))
                }
            }
        }
    }
    $score = if ($detected + $undetected) { [math]::Round(100.0 * $detected / ($detected + $undetected), 2) } else { 100 }
    Write-Host "mutation $($Folder): $score% ($detected detected, $undetected undetected)"
    $survivors | Sort-Object | ForEach-Object { Write-Host "  $_" }
}

if (-not $NoBuild -and $Task -notin 'Pester', 'Mutation') {
    Invoke-Dotnet build (Join-Path $root 'PlatformFlow.sln') -c $Configuration
}

switch ($Task) {
    'Build' { Write-Host "Module folder: $moduleFolder" }
    'Test' {
        Write-TestSummary -Suites (Invoke-XunitSuite), (Invoke-PesterCount)
    }
    'Pester' { Write-TestSummary -Suites (Invoke-PesterCount) }
    'UpdateHelp' {
        # The one command that writes generated help (the tests only compare against it).
        Invoke-Dotnet run --project (Join-Path $root 'tests/PlatformFlow.HelpWriter/PlatformFlow.HelpWriter.csproj') -c $Configuration --no-build
    }
    'Mutation' { foreach ($folder in $MutationFolder -split ',') { Invoke-MutationRun -Folder $folder } }
    'Tutorial' {
        Invoke-ChildPowerShell -NoProfile -File (Join-Path $root 'docs/examples/tutorial-pipeline.ps1')
        if ($LASTEXITCODE -ne 0) { throw "The tutorial failed with exit code $LASTEXITCODE." }
    }
}
