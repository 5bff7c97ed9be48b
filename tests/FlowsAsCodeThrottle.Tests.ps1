#Requires -Version 7.0
# -ThrottleLimit on Export-Dataflow, Import-Dataflow and Copy-Dataflow, in real PowerShell against sandboxes of one fresh
# embedded emulator: several flows at once give what one at a time gives (files, flows, results in input order), a
# re-run sends no write, -WhatIf sends none, and a definition's error stays its own.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')
    $dev = Connect-Platform -Emulator -Reset -Sandbox dev
    $workFolder = Join-Path ([IO.Path]::GetTempPath()) "pf-flows-at-once-$suffix"
    $null = New-Item -ItemType Directory -Path $workFolder

    function New-SandboxPrerequisite {
        # The same names in each sandbox, different ids: a schema, a dataset on it and a Shopify base connection.
        param($Context)
        $schema = New-XdmSchema -Title 'Shop orders' -Class profile -FieldGroup profile-person-details, profile-personal-details -Context $Context
        [pscustomobject]@{
            Dataset        = $schema | New-Dataset -Name 'Shop orders' -Context $Context
            BaseConnection = New-BaseConnection -Name 'Shop' -ConnectionSpec Shopify -Context $Context -Parameter @{
                host = 'shop.example'; accessToken = ConvertTo-SecureString "shpat-$suffix" -AsPlainText -Force
            }
        }
    }

    function Get-ResultText {
        # What an import says of each flow, without the ids (they differ between sandboxes) and the mapping set's action
        # (flows that share one: which of them creates it depends on who comes first).
        param($Results)
        $Results | ForEach-Object { "$($_.Name) $($_.Outcome) $($_.Applied) " + (($_.Parts | Where-Object Part -NE 'MappingSet' | ForEach-Object { "$($_.Part)=$($_.Outcome)" }) -join ',') }
    }

    $devParts = New-SandboxPrerequisite -Context $dev
    $names = 1..12 | ForEach-Object { 'Bulk {0:D2}' -f $_ }
    $names | ForEach-Object { [pscustomobject]@{ Name = $_; BaseConnectionId = $devParts.BaseConnection.Id; TableName = 'Shopify.Orders'; Column = 'Email' } } |
        New-SourceConnection -Context $dev -ThrottleLimit 8 |
        New-TargetConnection -DatasetId $devParts.Dataset.Id -Context $dev -ThrottleLimit 8 |
        New-MappingSet -Mapping @{ Email = 'personalEmail.address' } -Context $dev -ThrottleLimit 8 |
        Get-FlowSpec -Name CRMToAEP -Context $dev -ThrottleLimit 8 |
        New-Dataflow -Frequency Day -Interval 1 -StartTime '2026-01-05T06:00:00Z' -Context $dev -ThrottleLimit 8 | Out-Null
    $flows = Get-Dataflow -Name 'Bulk *' -Context $dev | Sort-Object Name
    $oneAtATime = Join-Path $workFolder 'one'
    $flows | Export-Dataflow -Path "$oneAtATime/" -Context $dev | Out-Null
}

AfterAll {
    Remove-Item -Recurse -Force $workFolder -ErrorAction SilentlyContinue
}

Describe 'Export-Dataflow -ThrottleLimit' {
    It 'writes the same files, byte for byte, as one flow at a time' {
        $many = $flows | Export-Dataflow -Path "$workFolder/many/" -Context $dev -ThrottleLimit 8

        @($many) | Should -HaveCount $names.Count
        ($many.Name | Sort-Object) | Should -Be ($names | ForEach-Object { "$_.json" })
        foreach ($file in $many) {
            (Get-FileHash $file.FullName).Hash | Should -Be (Get-FileHash (Join-Path $oneAtATime $file.Name)).Hash
        }
    }

    It 'reports a flow it cannot read as that flow''s error and writes the others' {
        $folder = Join-Path $workFolder 'with-missing'
        $written = @($flows.Id) + 'no-such-flow' | Export-Dataflow -Path "$folder/" -Context $dev -ThrottleLimit 8 -ErrorVariable failed -ErrorAction SilentlyContinue

        @($written) | Should -HaveCount $names.Count
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'DataflowNotFound*'
        $failed[0].TargetObject | Should -Be 'no-such-flow'
    }

    It 'writes nothing under -WhatIf' {
        $flows | Export-Dataflow -Path "$workFolder/whatif/" -Context $dev -ThrottleLimit 8 -WhatIf | Should -BeNullOrEmpty
        Test-Path (Join-Path $workFolder 'whatif') | Should -BeFalse
    }
}

Describe 'Copy-Dataflow -ThrottleLimit' {
    It 'copies every flow, results in input order, and a re-run sends no write' {
        $copy = Connect-Platform -Emulator -Sandbox prod
        $null = New-SandboxPrerequisite -Context $copy

        $result = $flows | Copy-Dataflow -Context $dev -DestinationContext $copy -ThrottleLimit 8
        $result.Name | Should -Be $names
        $result.Outcome | Should -Be ($names | ForEach-Object { 'Created' })
        $result.Applied | Should -Not -Contain $false

        $mark = Get-EmulatorJournalMark
        $again = $flows | Copy-Dataflow -Context $dev -DestinationContext $copy -ThrottleLimit 8
        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        $again.Name | Should -Be $names
        $again.Outcome | Should -Be ($names | ForEach-Object { 'Reused' })
    }
}

Describe 'Import-Dataflow -ThrottleLimit' {
    BeforeAll {
        # The emulator has two sandboxes: prod takes the import one at a time, then (its flows removed) several at once.
        $prod = Connect-Platform -Emulator -Sandbox prod
        function Remove-BulkFlow {
            # Their connections too (a base connection left unused goes with them: it is made again).
            Get-Dataflow -Name 'Bulk *' -Context $prod | Remove-Dataflow -IncludeConnections -Force -Context $prod
            if (-not (Get-BaseConnection -Name 'Shop' -Context $prod -ErrorAction SilentlyContinue)) {
                New-BaseConnection -Name 'Shop' -ConnectionSpec Shopify -Context $prod -Parameter @{
                    host = 'shop.example'; accessToken = ConvertTo-SecureString "shpat-$suffix" -AsPlainText -Force
                } | Out-Null
            }
        }

        Remove-BulkFlow
    }

    It 'plans under -WhatIf, results in input order, and sends no write' {
        $mark = Get-EmulatorJournalMark
        $plan = Import-Dataflow -Path $oneAtATime -Context $prod -ThrottleLimit 8 -WhatIf

        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        $plan.Name | Should -Be $names
        $plan.Outcome | Should -Be ($names | ForEach-Object { 'Planned' })
        $plan.Applied | Should -Not -Contain $true
    }

    It 'creates what one at a time creates, results in input order, one mapping set shared' {
        $one = Import-Dataflow -Path $oneAtATime -Context $prod
        Remove-BulkFlow
        $many = Import-Dataflow -Path $oneAtATime -Context $prod -ThrottleLimit 8

        $many.Name | Should -Be $names
        Get-ResultText $many | Should -Be (Get-ResultText $one)
        @($many.MappingSetId | Select-Object -Unique) | Should -HaveCount 1
        $exported = Get-Dataflow -Name 'Bulk *' -Context $prod | Export-Dataflow -Path "$workFolder/prod/" -Context $prod -ThrottleLimit 8
        @($exported) | Should -HaveCount $names.Count
        foreach ($file in $exported) {
            (Get-FileHash $file.FullName).Hash | Should -Be (Get-FileHash (Join-Path $oneAtATime $file.Name)).Hash
        }
    }

    It 'sends no write on a re-run: every flow unchanged' {
        $mark = Get-EmulatorJournalMark
        $again = Import-Dataflow -Path $oneAtATime -Context $prod -ThrottleLimit 8

        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        $again.Name | Should -Be $names
        $again.Outcome | Should -Be ($names | ForEach-Object { 'Reused' })
        @(Get-Dataflow -Name 'Bulk *' -Context $prod) | Should -HaveCount $names.Count
    }

    It 'reports each definition''s problem as its own error and applies nothing' {
        # New flows (renamed), one of them on a dataset prod does not have.
        $folder = Join-Path $workFolder 'one-broken'
        $null = New-Item -ItemType Directory -Path $folder
        foreach ($file in Get-ChildItem $oneAtATime) {
            $definition = Get-Content $file.FullName -Raw | ConvertFrom-Json -DateKind String
            $definition.name = $definition.name -replace 'Bulk', 'Fresh'
            $definition.source.name = $definition.source.name -replace 'Bulk', 'Fresh'
            $definition.target.name = $definition.target.name -replace 'Bulk', 'Fresh'
            if ($file.Name -eq 'Bulk 05.json') { $definition.target.dataset = 'No such orders' }
            $definition | ConvertTo-Json -Depth 10 | Set-Content -Path (Join-Path $folder $file.Name) -NoNewline
        }
        $broken = Join-Path $folder 'Bulk 05.json'

        $mark = Get-EmulatorJournalMark
        $results = Import-Dataflow -Path $folder -Context $prod -ThrottleLimit 8 -ErrorVariable refused -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue

        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        $results | Should -BeNullOrEmpty
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'DataflowReferenceNotFound*'
        $refused[0].TargetObject | Should -Be $broken
        $refused[0].Exception.Message | Should -BeLike "*dataset 'No such orders'*"
        $warned | Should -HaveCount 1
        Get-Dataflow -Name 'Fresh *' -Context $prod -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
