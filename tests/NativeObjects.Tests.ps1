#Requires -Version 7.0
# Objects that behave like native PowerShell ones: dates that compare with Get-Date, JSON and CSV a script can use,
# one "not found" rule with suggestions, no silent orphans when a flow pipeline fails half-way, progress on long work
# and -Verbose that says what was decided.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')

    # Runs finish within a second, so they can be waited for and re-triggered.
    Set-EmulatorRunTiming -QueuedFor ([TimeSpan]::FromMilliseconds(10)) -RunsFor ([TimeSpan]::FromMilliseconds(500))

    $flow = New-ShopifyTestFlow -FlowName "Native $suffix" -Prerequisite $pre
    $run = $flow | Get-FlowRun | Wait-FlowRun -PollInterval 1 -Timeout 30
    $flow = Get-Dataflow -Id $flow.Id

    # Runs a script in a runspace of its own (same process, same emulator and context) and keeps its streams, since
    # progress records cannot be redirected in the caller.
    function Invoke-WithStreams([string] $Script, [object[]] $Arguments = @()) {
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript("Import-Module '$ModulePath'").Invoke()
            $shell.Commands.Clear()
            $null = $shell.AddScript($Script)
            foreach ($argument in $Arguments) { $null = $shell.AddArgument($argument) }
            $output = $shell.Invoke()
            [pscustomobject]@{
                Output   = $output
                Progress = @($shell.Streams.Progress)
                Verbose  = @($shell.Streams.Verbose)
                Errors   = @($shell.Streams.Error)
            }
        }
        finally {
            $shell.Dispose()
        }
    }
}

Describe 'Times are dates' {
    It 'Where-Object compares CreatedAt with Get-Date' {
        (Get-Dataflow | Where-Object CreatedAt -GT (Get-Date).AddDays(-1)).Id | Should -Contain $flow.Id
        Get-Dataflow | Where-Object CreatedAt -LT (Get-Date).AddDays(-1) | Should -BeNullOrEmpty
    }

    It 'keeps UTC: every time of a flow, a dataset, a mapping set and a run is a DateTimeOffset at offset zero' {
        $mappingSet = $flow | Get-MappingSet
        $times = $flow.CreatedAt, $flow.UpdatedAt, $flow.ScheduleParams.StartTime, $pre.Dataset.CreatedAt, $mappingSet.CreatedAt, $run.StartedAt, $run.CompletedAt

        $times | ForEach-Object { $_.GetType().Name | Should -Be 'DateTimeOffset'; $_.Offset | Should -Be ([TimeSpan]::Zero) }
        $run.Duration | Should -BeOfType [TimeSpan]
        $run.CompletedAt | Should -BeGreaterThan $run.StartedAt
    }

    It 'a run''s status is its name' {
        $run.Status | Should -BeOfType [string]
        $run.Status | Should -Be 'Success'
        $flow.LastRunStatus | Should -Be 'Success'
    }
}

Describe 'ConvertTo-Json of <Name>' -ForEach @(
    @{ Name = 'Dataflow'; Get = { $flow } }
    @{ Name = 'FlowRun'; Get = { $run } }
    @{ Name = 'SourceConnection'; Get = { $flow | Get-SourceConnection } }
    @{ Name = 'TargetConnection'; Get = { $flow | Get-TargetConnection } }
    @{ Name = 'BaseConnection'; Get = { $pre.BaseConnection } }
    @{ Name = 'MappingSet'; Get = { $flow | Get-MappingSet } }
    @{ Name = 'Dataset'; Get = { $pre.Dataset } }
    @{ Name = 'XdmSchema'; Get = { $pre.Schema } }
    @{ Name = 'FlowSpec'; Get = { $flow | Get-FlowSpec } }
    @{ Name = 'ConnectionSpec'; Get = { Get-ConnectionSpec -Name shopify } }
) {
    BeforeAll {
        $object = & $Get
        $json = $object | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue
        $back = $json | ConvertFrom-Json
    }

    It 'is plain JSON: no type names, no JsonElement internals, no key/value pairs' {
        [regex]::Matches($json, '.{0,60}(ValueKind|PlatformFlow\.Client|System\.(Collections|Text|Object)|"Key":).{0,20}').Value | Should -BeNullOrEmpty
    }

    It 'round-trips the id' {
        $back.Id | Should -Be $object.Id
    }

    It 'writes times as ISO dates that read back as the same instants' {
        foreach ($property in 'CreatedAt', 'UpdatedAt' | Where-Object { $object.$_ }) {
            [DateTimeOffset] $back.$property | Should -Be $object.$property
        }
    }
}

Describe 'Serialized sizes' {
    It 'a flow at -Depth 10 is a few kilobytes, not tens' {
        ($flow | ConvertTo-Json -Depth 10).Length | Should -BeLessThan 4KB
    }

    It 'a run''s status is written as its name' {
        ($run | ConvertTo-Json -Depth 5 | ConvertFrom-Json).Status | Should -Be 'Success'
    }

    It 'the platform''s own extra members are plain values' {
        $extra = $flow.GetAdditionalMembers()

        $extra.sandboxName | Should -Be 'prod'
        ($extra | ConvertTo-Json -Compress) | Should -Match '"sandboxName":"prod"'
    }
}

Describe 'Export-Csv of <Name>' -ForEach @(
    @{ Name = 'Dataflow'; Get = { Get-Dataflow } }
    @{ Name = 'FlowRun'; Get = { $flow | Get-FlowRun } }
    @{ Name = 'SourceConnection'; Get = { Get-SourceConnection } }
    @{ Name = 'TargetConnection'; Get = { Get-TargetConnection } }
    @{ Name = 'BaseConnection'; Get = { Get-BaseConnection } }
    @{ Name = 'MappingSet'; Get = { Get-MappingSet } }
    @{ Name = 'Dataset'; Get = { Get-Dataset } }
    @{ Name = 'XdmSchema'; Get = { Get-XdmSchema } }
    @{ Name = 'FlowSpec'; Get = { Get-FlowSpec } }
    @{ Name = 'ConnectionSpec'; Get = { Get-ConnectionSpec } }
) {
    BeforeAll {
        $objects = @(& $Get)
        $path = Join-Path $TestDrive "$Name.csv"
        $objects | Export-Csv -Path $path
        $rows = @(Import-Csv -Path $path)
    }

    It 'writes one row per object, each with its id' {
        $rows | Should -HaveCount $objects.Count
        $rows.Id | Should -Be $objects.Id
    }

    It 'writes one readable value per cell: no type names, no line breaks' {
        foreach ($row in $rows) {
            foreach ($cell in $row.PSObject.Properties.Value) {
                $cell | Should -Not -Match 'System\.|PlatformFlow\.Client|[\r\n]'
            }
        }
    }
}

Describe 'Export-Csv of a dataflow' {
    It 'writes a list as its items, separated by commas, and the schedule in words' {
        $path = Join-Path $TestDrive 'flow.csv'
        $flow | Export-Csv -Path $path
        $row = Import-Csv -Path $path

        $row.SourceConnectionIds | Should -Be ($flow.SourceConnectionIds -join ', ')
        $row.ScheduleParams | Should -BeLike 'once at *'
        [DateTimeOffset] $row.CreatedAt | Should -Be ([DateTimeOffset]::new($flow.CreatedAt.UtcDateTime.AddTicks(-($flow.CreatedAt.UtcDateTime.Ticks % [TimeSpan]::TicksPerSecond))))
    }
}

Describe 'Rows are objects' {
    BeforeAll {
        $table = Get-SourceTable -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Preview
        $mapped = New-SourceConnection -Name "Rows $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column Email, Phone |
            New-TargetConnection -DatasetId $pre.Dataset.Id |
            Test-MappingSet -Mapping @{ Phone = 'mobilePhone.number' } -Preview
    }

    It 'a table''s preview rows are objects with one property per column, in the table''s order' {
        $table.Preview | Should -Not -BeNullOrEmpty
        foreach ($row in $table.Preview) {
            $row | Should -BeOfType [pscustomobject]
            $row.PSObject.Properties.Name | Should -Be $table.Columns.Name
        }
    }

    It 'they print as a table of their columns, not Name and Value pairs' {
        $header = @(($table.Preview | Select-Object -First 2 | Format-Table | Out-String -Width 400) -split '\r?\n' | Where-Object { $_.Trim() })[0]

        $header | Should -Match '^\s*Id\s+Email\s+Phone\b'
    }

    It 'rows with $null values export to CSV and import back with the same values' {
        $path = Join-Path $TestDrive 'preview.csv'
        @($table.Preview | Where-Object { $null -eq $_.Phone }) | Should -Not -BeNullOrEmpty -Because 'the seeded orders have a phone left empty'

        $table.Preview | Export-Csv -Path $path
        $back = @(Import-Csv -Path $path)

        $back | Should -HaveCount $table.Preview.Count
        for ($i = 0; $i -lt $back.Count; $i++) {
            $back[$i].PSObject.Properties.Name | Should -Be $table.Columns.Name
            foreach ($column in $table.Columns.Name) {
                $back[$i].$column | Should -Be ([string] $table.Preview[$i].$column) -Because "row $i, column $column"
            }
        }
    }

    It 'a row converts to plain JSON, the row as the platform sent it' {
        $json = $table.Preview[0] | ConvertTo-Json -Compress

        $json | Should -BeLike '{"Id":*,"Email":"*'
        ($json | ConvertFrom-Json).Email | Should -Be $table.Preview[0].Email
    }

    It 'a Test-MappingSet -Preview record is an object, nested as the XDM record is, and converts to JSON equal to the mapped record' {
        $withPhone = @($table.Preview | Where-Object Phone)[0]
        $record = $mapped[[array]::IndexOf(@($table.Preview), $withPhone)]

        $record | Should -BeOfType [pscustomobject]
        $record.mobilePhone | Should -BeOfType [pscustomobject]
        $record | ConvertTo-Json -Depth 5 -Compress | Should -Be ([ordered]@{ mobilePhone = [ordered]@{ number = $withPhone.Phone } } | ConvertTo-Json -Depth 5 -Compress)
    }

    It 'mapped records print as a table' {
        ($mapped | Format-Table | Out-String) | Should -Match '^\s*mobilePhone\s*\r?\n-+'
    }

    It 'the records a -WhatIf mapping set plans are objects too' {
        $planned = New-SourceConnection -Name "Planned rows $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column Email, Phone |
            New-TargetConnection -DatasetId $pre.Dataset.Id |
            New-MappingSet -Mapping @{ Phone = 'homePhone.number' } -WhatIf

        $planned.Preview | Should -HaveCount $table.Preview.Count
        $planned.Preview | ForEach-Object { $_ | Should -BeOfType [pscustomobject] }
        $planned.Preview.homePhone.number | Should -Be @($table.Preview.Phone | Where-Object { $_ })
    }
}

Describe 'Not found' {
    It 'a flow spec name with a typo is ObjectNotFound with the closest name' {
        Get-FlowSpec -Name CRMtoAEPP -ErrorVariable notFound -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $notFound | Should -HaveCount 1
        $notFound[0].FullyQualifiedErrorId | Should -BeLike 'FlowSpecNotFound,*'
        $notFound[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $notFound[0].Exception.Message | Should -BeLike "*Did you mean 'CRMToAEP'?"
        $notFound[0].ErrorDetails.RecommendedAction | Should -BeLike "Use 'CRMToAEP'*"
    }

    It 'a connection spec name with a typo suggests the real one' {
        Get-ConnectionSpec -Name Shopfy -ErrorVariable notFound -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $notFound[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionSpecNotFound,*'
        $notFound[0].Exception.Message | Should -BeLike "*Did you mean 'shopify'?"
    }

    It 'a flow name that matches nothing is an error, with the closest flow names' {
        Get-Dataflow -Name "Nativ $suffix" -ErrorVariable notFound -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $notFound | Should -HaveCount 1
        $notFound[0].FullyQualifiedErrorId | Should -BeLike 'DataflowNotFound,*'
        $notFound[0].Exception.Message | Should -BeLike "*Did you mean 'Native $suffix'?"
        $notFound[0].TargetObject | Should -Be "Nativ $suffix"
    }

    It 'other named resources follow the same rule' {
        Get-BaseConnection -Name "Shp $suffix" -ErrorVariable notFound -ErrorAction SilentlyContinue
        Get-Dataset -Name 'NoSuchDataset' -ErrorVariable +notFound -ErrorAction SilentlyContinue

        $notFound | Should -HaveCount 2
        $notFound[0].FullyQualifiedErrorId | Should -BeLike 'BaseConnectionNotFound,*'
        $notFound[0].Exception.Message | Should -BeLike "*Did you mean 'Shop $suffix'?"
        $notFound[1].FullyQualifiedErrorId | Should -BeLike 'DatasetNotFound,*'
    }

    It 'a wildcard that matches nothing is silent' {
        Get-Dataflow -Name 'NoSuch*' -ErrorVariable none | Should -BeNullOrEmpty
        Get-ConnectionSpec -Name 'NoSuch*' -ErrorVariable +none | Should -BeNullOrEmpty

        $none | Should -BeNullOrEmpty
    }

    It 'a class or field group with a typo is caught before anything is sent, with the closest names' {
        $mark = Get-EmulatorJournalMark
        New-XdmSchema -Title "Typo $suffix" -Class profil -FieldGroup profile-person-details -ErrorVariable wrongClass -ErrorAction SilentlyContinue
        New-XdmSchema -Title "Typo $suffix" -Class profile -FieldGroup profile-persn-details -ErrorVariable wrongGroup -ErrorAction SilentlyContinue

        $wrongClass[0].FullyQualifiedErrorId | Should -BeLike 'XdmClassNotFound,*'
        $wrongClass[0].Exception.Message | Should -BeLike "*Did you mean 'profile'?"
        $wrongGroup[0].FullyQualifiedErrorId | Should -BeLike 'FieldGroupNotFound,*'
        $wrongGroup[0].Exception.Message | Should -BeLike "*Did you mean 'profile-person-details'*"
        Get-EmulatorWriteSince -Mark $mark | Should -BeNullOrEmpty
    }

    It 'an unknown table names the closest table and the Get-SourceTable call that lists them' {
        New-SourceConnection -Name "Typo $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Order -ErrorVariable noTable -ErrorAction SilentlyContinue

        $noTable[0].FullyQualifiedErrorId | Should -BeLike 'SourceTableNotFound,*'
        $noTable[0].Exception.Message | Should -BeLike "*Did you mean 'Shopify.Orders'?"
        $noTable[0].ErrorDetails.RecommendedAction | Should -BeLike "*Get-SourceTable -BaseConnectionId $($pre.BaseConnection.Id)*"
    }

    It 'a run that has not finished cannot be re-triggered, and the advice is to wait with Wait-FlowRun' {
        Set-EmulatorRunTiming -QueuedFor ([TimeSpan]::FromHours(1)) -RunsFor ([TimeSpan]::FromMilliseconds(500))
        try {
            $queued = New-ShopifyTestFlow -FlowName "Queued $suffix" -Prerequisite $pre | Get-FlowRun
            $queued | Restart-FlowRun -ErrorVariable notYet -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
        finally {
            Set-EmulatorRunTiming -QueuedFor ([TimeSpan]::FromMilliseconds(10)) -RunsFor ([TimeSpan]::FromMilliseconds(500))
        }

        $notYet[0].Exception.Message | Should -BeLike '*still Queued*'
        $notYet[0].ErrorDetails.RecommendedAction | Should -BeLike "*Get-FlowRun -RunId $($queued.Id) | Wait-FlowRun | Restart-FlowRun*"
    }
}

Describe 'A flow pipeline that fails at its last step' {
    BeforeAll {
        # An interval of 5 minutes is below the platform's minimum of 15: the last step fails after three parts were made.
        # Each test maps to its own field: a mapping set identical to an earlier one would be reused, not created for the row.
        function New-FailingFlow([string] $Name, [switch] $RollbackOnError, [string] $Destination = 'personalEmail.address') {
            New-SourceConnection -Name $Name -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column Email |
                New-TargetConnection -DatasetId $pre.Dataset.Id |
                New-MappingSet -Mapping @{ Email = $Destination } |
                Get-FlowSpec |
                New-Dataflow -Frequency Minute -Interval 5 -RollbackOnError:$RollbackOnError -ErrorAction SilentlyContinue -ErrorVariable failed -WarningVariable warned -WarningAction SilentlyContinue
            [pscustomobject]@{ Errors = @($failed); Warnings = @($warned) }
        }
    }

    It 'names the parts it left behind, and the commands that remove them' {
        $result = New-FailingFlow -Name "Orphan $suffix"
        $failed, $warned = $result.Errors, $result.Warnings
        $left = Get-SourceConnection -Name "Orphan $suffix source"
        $leftTarget = Get-TargetConnection -Name "Orphan $suffix target"

        $failed | Should -HaveCount 1
        $warned | Should -HaveCount 1
        "$($warned[0])" | Should -BeLike "Flow 'Orphan $suffix' was not created*"
        "$($warned[0])" | Should -BeLike "*Remove-SourceConnection -Id $($left.Id) -Force*"
        "$($warned[0])" | Should -BeLike "*Remove-TargetConnection -Id $($leftTarget.Id) -Force*"
        "$($warned[0])" | Should -BeLike '*-RollbackOnError*'
    }

    It 'removes them with -RollbackOnError, and names the mapping set the platform cannot delete' {
        $mark = Get-EmulatorJournalMark
        $result = New-FailingFlow -Name "Rollback $suffix" -RollbackOnError -Destination 'faxPhone.number'
        $failed, $warned = $result.Errors, $result.Warnings

        $failed | Should -HaveCount 1
        Get-SourceConnection -Name "Rollback $suffix*" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-TargetConnection -Name "Rollback $suffix*" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        (Get-EmulatorWriteSince -Mark $mark | Where-Object Method -EQ 'DELETE') | Should -HaveCount 2
        "$($warned[0])" | Should -BeLike '*cannot delete mapping sets*'
    }
}

Describe 'A flow pipeline that fails at a middle step' {
    It 'names the connections already made for the row, and the commands that remove them' {
        New-SourceConnection -Name "Middle $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column Email |
            New-TargetConnection -DatasetId $pre.Dataset.Id |
            New-MappingSet -Mapping @{ Email = 'personalEmail.adress' } -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue
        $left = Get-SourceConnection -Name "Middle $suffix source"

        $failed | Should -HaveCount 1
        $warned | Should -HaveCount 1
        "$($warned[0])" | Should -BeLike "Flow 'Middle $suffix' was not created; the parts made for it remain: source connection $($left.Id), target connection *"
        "$($warned[0])" | Should -BeLike "*Remove-SourceConnection -Id $($left.Id) -Force*"
        "$($warned[0])" | Should -Not -BeLike '*RollbackOnError*'
    }
}

Describe 'Progress on long work' {
    It 'bulk Disable-Dataflow and Enable-Dataflow count the flows' {
        $flows = 1..3 | ForEach-Object { "Bulk $suffix $_" } | New-ShopifyTestFlow -Prerequisite $pre
        $disabled = Invoke-WithStreams 'param($flows) $flows | Disable-Dataflow -PassThru' -Arguments (, $flows)
        $enabled = Invoke-WithStreams 'param($flows) $flows | Enable-Dataflow -PassThru' -Arguments (, $flows)

        $disabled.Output | Should -HaveCount 3
        ($disabled.Progress | Where-Object Activity -EQ 'Disabling dataflows').StatusDescription |
            Should -Be @("1 so far: Bulk $suffix 1", "2 so far: Bulk $suffix 2", "3 so far: Bulk $suffix 3", '3 done')
        ($disabled.Progress | Where-Object RecordType -EQ Completed).StatusDescription | Should -Be '3 done'
        ($enabled.Progress | Where-Object Activity -EQ 'Enabling dataflows') | Should -HaveCount 4
    }

    It 'bulk creation through the pipeline counts the flows made' {
        $created = Invoke-WithStreams 'param($pre, $suffix) "Made $suffix 1", "Made $suffix 2" | ForEach-Object {
            New-SourceConnection -Name $_ -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column Email } |
            New-TargetConnection -DatasetId $pre.Dataset.Id | New-MappingSet -Mapping @{ Email = "personalEmail.address" } |
            Get-FlowSpec | New-Dataflow' -Arguments $pre, $suffix

        $created.Output | Should -HaveCount 2
        ($created.Progress | Where-Object Activity -EQ 'Creating dataflows').StatusDescription |
            Should -Be @("1 so far: Made $suffix 1", "2 so far: Made $suffix 2", '2 done')
    }

    It 'bulk removal counts what it removes' {
        $bases = 1..2 | ForEach-Object { New-BaseConnection -Name "Removed $suffix $_" -ConnectionSpec Shopify -Parameter @{ host = 'x.example'; accessToken = 'x' } }
        $removed = Invoke-WithStreams 'param($bases) $bases | Remove-BaseConnection -Force -PassThru' -Arguments (, $bases)

        $removed.Output | Should -HaveCount 2
        ($removed.Progress | Where-Object RecordType -EQ Completed).StatusDescription | Should -Be '2 done'
    }

    It 'Wait-FlowRun over several runs counts them' {
        $runs = Get-Dataflow -Name "Bulk $suffix *" | Get-FlowRun
        $waited = Invoke-WithStreams 'param($runs) $runs | Wait-FlowRun -PollInterval 1 -Timeout 30' -Arguments (, $runs)

        $waited.Output | Should -HaveCount 3
        ($waited.Progress | Where-Object Activity -EQ 'Waiting for flow runs' | Where-Object RecordType -EQ Completed).StatusDescription | Should -Be '3 done'
    }

    It 'a long listing shows how many it has read' {
        $null = 1..55 | ForEach-Object { New-BaseConnection -Name "Many $suffix $_" -ConnectionSpec Shopify -Parameter @{ host = 'x.example'; accessToken = 'x' } }
        $listed = Invoke-WithStreams 'param($suffix) Get-BaseConnection -Name "Many $suffix *"' -Arguments $suffix

        $listed.Output | Should -HaveCount 55
        ($listed.Progress | Where-Object Activity -EQ 'Reading BaseConnection objects').StatusDescription | Should -Be @('50 read', '55 read')
    }
}

Describe '-Verbose says what was decided' {
    It 'which flow spec was picked, and why' {
        $picked = Invoke-WithStreams 'param($pre, $suffix) New-SourceConnection -Name "Verbose $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column Email |
            New-TargetConnection -DatasetId $pre.Dataset.Id | New-MappingSet -Mapping @{ Email = "personalEmail.address" } | Get-FlowSpec -Verbose' -Arguments $pre, $suffix

        $picked.Verbose.Message | Should -Contain "Picked flow spec CRMToAEP ($($flow.FlowSpec.Id)): the only one that accepts sources of connection spec $($pre.BaseConnection.ConnectionSpec.Id)."
    }

    It 'which parts Remove-Dataflow -IncludeConnections kept' {
        $first, $second = "Keep $suffix 1", "Keep $suffix 2" | New-ShopifyTestFlow -Prerequisite $pre
        $removal = Invoke-WithStreams 'param($flow) $flow | Remove-Dataflow -IncludeConnections -Force -Verbose' -Arguments $first

        $removal.Verbose.Message | Should -Contain "Keeping base connection $($pre.BaseConnection.Id): other source connections still use it."
        Get-BaseConnection -Id $pre.BaseConnection.Id | Should -Not -BeNullOrEmpty
    }
}
