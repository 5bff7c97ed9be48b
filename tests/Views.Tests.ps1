#Requires -Version 7.0
# How every type PlatformFlow writes prints: a table that fits 80 and 120 columns without wrapping a column, and a list
# with no type names or JSON blobs. Rendered through the module's own views, as a console or a CI log shows them. Every
# column a view shows is a property of the object by the same name (Select-Object, Sort-Object and Where-Object work on
# what a person sees), and none is empty for every object of a realistic listing.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')

    # This suite's own emulator runs flows at once, so the run shown has finished, with a duration and record counts.
    Set-EmulatorRunTiming -QueuedFor ([TimeSpan]::FromMilliseconds(10)) -RunsFor ([TimeSpan]::FromMilliseconds(1200))
    $flow = "View $suffix" | New-ShopifyTestFlow -Prerequisite $pre | Set-Dataflow -Frequency Hour -Interval 6 -PassThru
    $run = $flow | Get-FlowRun | Wait-FlowRun -PollInterval 1 -Timeout 30
    $flow = Get-Dataflow -Id $flow.Id
    # A second flow maps the table's malformed emails: its run ends PartialSuccess, with failed records and errors.
    # What people describe is described: a schema, a dataset, a base connection and a flow's parts.
    $described = New-XdmSchema -Title "Described $suffix" -Class profile -FieldGroup profile-personal-details -Description 'People who order'
    $null = $described | New-Dataset -Name "Described $suffix" -Description 'Orders as people'
    $null = New-BaseConnection -Name "Described $suffix" -ConnectionSpec Shopify -Description 'The second shop' -Parameter @{ host = 'second.example'; accessToken = 'x' }
    $failing = New-SourceConnection -Name "Emails $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column Email, Phone -Description 'Order emails' |
        New-TargetConnection -DatasetId $pre.Dataset.Id -Description 'Order emails as people' |
        New-MappingSet -Mapping @{ Email = 'personalEmail.address' } |
        Get-FlowSpec |
        New-Dataflow -Frequency Once -Description 'Order emails, malformed ones refused'
    $failedRun = $failing | Get-FlowRun | Wait-FlowRun -PollInterval 1 -Timeout 30 -ErrorAction SilentlyContinue
    $table = Get-SourceTable -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Preview
    $throwaway = New-BaseConnection -Name "Gone $suffix" -ConnectionSpec Shopify -Parameter @{ host = 'gone.example'; accessToken = 'x' }
    # A flow file changed since it was exported: importing it again would update the flow, and says what changes.
    $exported = $flow | Export-Dataflow -Path (Join-Path $TestDrive 'view.json')
    (Get-Content -Raw $exported.FullName) -replace '"interval": 6', '"interval": 8' | Set-Content $exported.FullName
    # And a copy under another name: importing it makes the flow and its parts.
    $copy = Join-Path $TestDrive 'view-copy.json'
    (Get-Content -Raw $exported.FullName) -replace "View $suffix", "View copy $suffix" | Set-Content $copy
    $imported = @($exported | Import-Dataflow -WhatIf) + @(Import-Dataflow -Path $copy)

    # What a person lists of each type: every object of it in this suite's sandbox (or of the flows and runs above).
    $script:listings = [ordered]@{
        PlatformContext      = Get-PlatformContext -ListAvailable
        Sandbox              = Get-Sandbox
        ConnectionSpec       = Get-ConnectionSpec
        BaseConnection       = Get-BaseConnection
        SourceConnection     = Get-SourceConnection
        TargetConnection     = Get-TargetConnection
        XdmSchema            = Get-XdmSchema
        Dataset              = Get-Dataset
        MappingSet           = Get-MappingSet
        FlowSpec             = Get-FlowSpec
        Dataflow             = Get-Dataflow
        FlowRun              = Get-Dataflow | Get-FlowRun
        Batch                = Get-Dataflow | Get-Batch
        FailedRecord         = $failedRun | Get-FailedRecord
        ExploreItem          = Get-SourceTable -BaseConnectionId $pre.BaseConnection.Id
        SourceColumn         = $table.Columns
        SourceTable          = $table
        MappingSuggestion    = $failing | Get-SourceConnection | Get-MappingSuggestion -SchemaId $pre.Schema.Id
        RemovedResource      = $throwaway | Remove-BaseConnection -Force -PassThru
        BaseConnectionTest   = Get-BaseConnection | Test-BaseConnection
        DataflowImportResult = $imported
    }
    $script:samples = [ordered]@{}
    foreach ($name in $listings.Keys) { $samples[$name] = @($listings[$name])[0] }
    $samples.Dataflow = $flow
    $samples.FlowRun = $run

    # The format file as the module ships it: each view's columns, a column named by its label or else its property.
    $script:formatFile = [xml](Get-Content -Raw (Join-Path (Split-Path $ModulePath) 'PlatformFlow.format.ps1xml'))
    function Get-ViewColumn([string] $TypeName, [ValidateSet('Table', 'List')][string] $Kind) {
        foreach ($view in $formatFile.Configuration.ViewDefinitions.View | Where-Object { $_.ViewSelectedBy.TypeName -eq $TypeName }) {
            if ($Kind -eq 'Table' -and $view.TableControl) {
                $headers = @($view.TableControl.TableHeaders.TableColumnHeader)
                $items = @($view.TableControl.TableRowEntries.TableRowEntry.TableColumnItems.TableColumnItem)
                for ($i = 0; $i -lt $items.Count; $i++) { if ($headers[$i].Label) { $headers[$i].Label } else { $items[$i].PropertyName } }
            }
            elseif ($Kind -eq 'List' -and $view.ListControl) {
                $view.ListControl.ListEntries.ListEntry.ListItems.ListItem | ForEach-Object { if ($_.Label) { $_.Label } else { $_.PropertyName } }
            }
        }
    }
}

Describe 'Columns are properties: the <_> views' -ForEach @(
    'PlatformContext', 'Sandbox', 'ConnectionSpec', 'BaseConnection', 'SourceConnection', 'TargetConnection', 'XdmSchema',
    'Dataset', 'MappingSet', 'FlowSpec', 'Dataflow', 'FlowRun', 'Batch', 'FailedRecord', 'ExploreItem', 'SourceColumn',
    'SourceTable', 'MappingSuggestion', 'RemovedResource', 'BaseConnectionTest', 'DataflowImportResult'
) {
    BeforeAll {
        $listing = @($listings[$_])
        $typeName = $listing[0].PSTypeNames[0]
        $columns = @(Get-ViewColumn $typeName Table) + @(Get-ViewColumn $typeName List) | Select-Object -Unique
    }

    It 'lists more than nothing' {
        $listing | Should -Not -BeNullOrEmpty
        $columns | Should -Not -BeNullOrEmpty
    }

    It 'every table and list column is a property of the object, by the same name' {
        $properties = $listing[0].PSObject.Properties.Name
        $columns | Where-Object { $_ -notin $properties } | Should -BeNullOrEmpty
    }

    It 'Select-Object picks what the views show' {
        $picked = $listing | Select-Object -Property $columns
        $picked | Should -HaveCount $listing.Count
    }

    It 'no column is empty for every object of the listing' {
        $columns | Where-Object {
            $column = $_
            -not ($listing | Where-Object { "$($_.$column)" -ne '' })
        } | Should -BeNullOrEmpty
    }
}

Describe 'The <_> views' -ForEach @(
    'Sandbox', 'ConnectionSpec', 'BaseConnection', 'SourceConnection', 'TargetConnection', 'XdmSchema', 'Dataset',
    'MappingSet', 'FlowSpec', 'Dataflow', 'FlowRun', 'Batch', 'FailedRecord', 'ExploreItem', 'SourceColumn', 'SourceTable',
    'MappingSuggestion', 'RemovedResource', 'BaseConnectionTest', 'DataflowImportResult'
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

Describe 'Telling columns whole at 80 columns' {
    It 'Get-Dataflow shows each flow''s last run status in full' {
        $text = Get-Dataflow | Out-String -Width 80
        $row = @($text -split '\r?\n' | Where-Object { $_ -like "Emails $suffix*" })

        $failedRun.Status | Should -Be 'PartialSuccess'
        $row | Should -HaveCount 1
        $row[0] | Should -Match '\bPartialSuccess\b'
        $text -split '\r?\n' | Where-Object Length -GT 80 | Should -BeNullOrEmpty
    }

    It 'a dataset and a target connection show their schema''s title' {
        $pre.Dataset | Get-Dataset | Out-String -Width 80 | Should -Match "Orders $suffix\s*$"
        ($failing | Get-TargetConnection | Out-String -Width 80).TrimEnd() | Should -Match "Orders $suffix$"
    }
}

Describe 'The context''s views' {
    # A context is read, not scanned: its default view is one out-of-band list, so that it never starts a table the
    # objects a script writes next would have to fit (PowerShell prints objects that do not fit as lists of every
    # property). PowerShell keeps to an out-of-band view unless Format-Table is given -Force.
    It 'is an out-of-band list by default' {
        $view = (Get-FormatData -TypeName $samples.PlatformContext.PSTypeNames[0]).FormatViewDefinition

        $view[0].Control.GetType().Name | Should -Be 'ListControl'
        $view[0].Control.OutOfBand | Should -BeTrue
    }

    It 'lists readable values within <_> columns' -ForEach 80, 120 {
        $width = $_
        $text = $samples.PlatformContext | Out-String -Width $width

        $text | Should -Match 'Sandbox\s+: prod'
        $text | Should -Match 'ConnectedAt\s+: \d{4}-\d\d-\d\d \d\d:\d\d'
        $text -split '\r?\n' | Where-Object Length -GT $width | Should -BeNullOrEmpty
    }

    It 'Get-PlatformContext -ListAvailable | Format-Table -Force prints a table within 80 columns' {
        $lines = @((Get-PlatformContext -ListAvailable | Format-Table -Force | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() })

        $lines[0] | Should -Match '^Environment\s+Sandbox\s+IsCurrent\s+ConnectedAt\s+AuthenticationType$'
        $lines[1] | Should -Match '^-+ +-+'
        $lines | Should -HaveCount (2 + @(Get-PlatformContext -ListAvailable).Count)
        $lines | Where-Object Length -GT 80 | Should -BeNullOrEmpty
    }
}
