#Requires -Version 7.0
# How every type PlatformFlow writes prints: a table that fits 80 and 120 columns without wrapping a column, and a list
# with no type names or JSON blobs. Rendered through the module's own views, as a console or a CI log shows them.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')

    # This suite's own emulator runs flows at once, so the run shown has finished, with a duration and record counts.
    Set-EmulatorRunTiming -QueuedFor ([TimeSpan]::FromMilliseconds(10)) -RunsFor ([TimeSpan]::FromMilliseconds(1200))
    $flow = "View $suffix" | New-ShopifyTestFlow -Prerequisite $pre | Set-Dataflow -Frequency Hour -Interval 6 -PassThru
    $run = $flow | Get-FlowRun | Wait-FlowRun -PollInterval 1 -Timeout 30
    $flow = Get-Dataflow -Id $flow.Id
    $table = Get-SourceTable -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Preview
    $throwaway = New-BaseConnection -Name "Gone $suffix" -ConnectionSpec Shopify -Parameter @{ host = 'gone.example'; accessToken = 'x' }

    $script:samples = [ordered]@{
        PlatformContext  = Get-PlatformContext
        Sandbox          = Get-Sandbox | Select-Object -First 1
        ConnectionSpec   = Get-ConnectionSpec -Name shopify
        BaseConnection   = $pre.BaseConnection
        SourceConnection = $flow | Get-SourceConnection
        TargetConnection = $flow | Get-TargetConnection
        XdmSchema        = $pre.Schema
        Dataset          = $pre.Dataset
        MappingSet       = $flow | Get-MappingSet
        FlowSpec         = $flow | Get-FlowSpec
        Dataflow         = $flow
        FlowRun          = $run
        ExploreItem      = Get-SourceTable -BaseConnectionId $pre.BaseConnection.Id | Select-Object -First 1
        SourceColumn     = $table.Columns[0]
        SourceTable      = $table
        RemovedResource  = $throwaway | Remove-BaseConnection -Force -PassThru
        BaseConnectionTest = $pre.BaseConnection | Test-BaseConnection
        DataflowImportResult = $flow | Export-Dataflow -Path (Join-Path $TestDrive 'view.json') | Import-Dataflow -WhatIf
    }
}

Describe 'The <_> views' -ForEach @(
    'Sandbox', 'ConnectionSpec', 'BaseConnection', 'SourceConnection', 'TargetConnection', 'XdmSchema', 'Dataset',
    'MappingSet', 'FlowSpec', 'Dataflow', 'FlowRun', 'ExploreItem', 'SourceColumn', 'SourceTable', 'RemovedResource',
    'BaseConnectionTest', 'DataflowImportResult'
) {
    BeforeAll {
        $sample = $samples[$_]
        $typeName = $sample.PSTypeNames[0]
        $view = (Get-FormatData -TypeName $typeName).FormatViewDefinition
        $labels = ($view | Where-Object { $_.Control -is [System.Management.Automation.TableControl] }).Control.Headers.Label
    }

    It 'has a table view and a list view of its own' {
        $sample | Should -HaveCount 1
        $view.Control | ForEach-Object { $_.GetType().Name } | Sort-Object | Should -Be @('ListControl', 'TableControl')
    }

    It 'prints one table row, every column whole, at <_> columns' -ForEach 80, 120 {
        $width = $_
        $lines = @(($sample | Format-Table | Out-String -Width $width) -split '\r?\n' | Where-Object { $_.Trim() })

        $lines | Should -HaveCount 3 -Because "a wrapped column adds lines:`n$($lines -join "`n")"
        $lines | Where-Object Length -GT $width | Should -BeNullOrEmpty
        foreach ($label in $labels) { $lines[0] | Should -Match "\b$label\b" }
    }

    It 'lists readable values, no type names or JSON, at <_> columns' -ForEach 80, 120 {
        $width = $_
        $text = $sample | Format-List | Out-String -Width $width

        $text | Should -Not -Match 'PlatformFlow\.Client|System\.Collections|ValueKind|\{"'
        $text -split '\r?\n' | Where-Object Length -GT $width | Should -BeNullOrEmpty
    }
}

Describe 'The context''s view' {
    # A context is read, not scanned: one out-of-band list, so that it never starts a table the objects a script writes
    # next would have to fit (PowerShell prints objects that do not fit as lists of every property).
    It 'is a single out-of-band list' {
        $view = (Get-FormatData -TypeName $samples.PlatformContext.PSTypeNames[0]).FormatViewDefinition

        $view | Should -HaveCount 1
        $view.Control.GetType().Name | Should -Be 'ListControl'
        $view.Control.OutOfBand | Should -BeTrue
    }

    It 'lists readable values within <_> columns' -ForEach 80, 120 {
        $width = $_
        $text = $samples.PlatformContext | Out-String -Width $width

        $text | Should -Match 'Sandbox\s+: prod'
        $text | Should -Match 'ConnectedAt\s+: \d{4}-\d\d-\d\d \d\d:\d\d'
        $text -split '\r?\n' | Where-Object Length -GT $width | Should -BeNullOrEmpty
    }
}
