#Requires -Version 7.0
# Flows as code in real PowerShell, against two sandboxes (dev and prod) of one fresh embedded emulator: export a flow to
# a file, apply it to the other sandbox (plan, then apply), apply again (nothing sent), apply changes, copy in one step.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')
    $dev = Connect-Platform -Emulator -Reset -Sandbox dev
    $prod = Connect-Platform -Emulator -Sandbox prod
    $schemaFile = Join-Path $PSScriptRoot '../docs/schemas/dataflow-definition.schema.json'
    $workFolder = Join-Path ([IO.Path]::GetTempPath()) "pf-flows-as-code-$suffix"
    $null = New-Item -ItemType Directory -Path $workFolder

    function New-SandboxPrerequisite {
        # The same names in each sandbox, different ids: a schema, a dataset on it and a Shopify base connection.
        param($Context, [string] $Token)
        $schema = New-XdmSchema -Title 'Shop orders' -Class profile -FieldGroup profile-person-details, profile-personal-details -Context $Context
        [pscustomobject]@{
            Schema         = $schema
            Dataset        = $schema | New-Dataset -Name 'Shop orders' -Context $Context
            BaseConnection = New-BaseConnection -Name 'Shop' -ConnectionSpec Shopify -Context $Context -Parameter @{
                host = 'shop.example'; accessToken = ConvertTo-SecureString $Token -AsPlainText -Force
            }
        }
    }

    function New-DevFlow {
        # The tutorial's flow with a calculated (EXPRESSION) mapping, on a daily schedule (in dev unless told otherwise).
        param([string] $Name, $Context = $dev, $Parts = $devParts)
        New-SourceConnection -Name $Name -BaseConnectionId $Parts.BaseConnection.Id -TableName Shopify.Orders -Column Email, Phone -Context $Context |
            New-TargetConnection -DatasetId $Parts.Dataset.Id -Context $Context |
            New-MappingSet -Context $Context -Mapping @(
                @{ SourceType = 'ATTRIBUTE'; Source = 'Email'; Destination = 'personalEmail.address' }
                @{ SourceType = 'EXPRESSION'; Source = "concat('+1 ', Phone)"; Destination = 'mobilePhone.number' }
            ) |
            Get-FlowSpec -Name CRMToAEP -Context $Context |
            New-Dataflow -Frequency Day -Interval 1 -StartTime '2026-01-05T06:00:00Z' -Description 'Orders from the shop' -Context $Context
    }

    function Set-DefinitionMember {
        # Changes a definition file as a person would in an editor, keeping the file's formatting.
        param([string] $Path, [scriptblock] $Change)
        $definition = Get-Content $Path -Raw | ConvertFrom-Json -DateKind String
        & $Change $definition
        $definition | ConvertTo-Json -Depth 10 | Set-Content -Path $Path -NoNewline
    }

    $devToken = "shpat-dev-$suffix"
    $devParts = New-SandboxPrerequisite -Context $dev -Token $devToken
    $prodParts = New-SandboxPrerequisite -Context $prod -Token "shpat-prod-$suffix"
    $devFlow = New-DevFlow -Name 'Shop 07'
}

AfterAll {
    Remove-Item -Recurse -Force $workFolder -ErrorAction SilentlyContinue
}

Describe 'Export-Dataflow' {
    BeforeAll {
        $exportFolder = Join-Path $workFolder 'export'
        $exported = Get-Dataflow -Name 'Shop 07' -Context $dev | Export-Dataflow -Path "$exportFolder/" -Context $dev
        $file = Join-Path $exportFolder 'Shop 07.json'
        $text = Get-Content $file -Raw
        $definition = $text | ConvertFrom-Json -DateKind String
    }

    It 'writes one file per flow into the folder, named after the flow, and emits it' {
        $exported | Should -HaveCount 1
        $exported.FullName | Should -Be $file
        Get-ChildItem $exportFolder | Should -HaveCount 1
    }

    It 'writes a definition that validates against the format''s JSON Schema' {
        Test-Json -Json $text -SchemaFile $schemaFile | Should -BeTrue
    }

    It 'writes the flow, its connections and its mapping set, every reference by name' {
        $definition.name | Should -Be 'Shop 07'
        $definition.description | Should -Be 'Orders from the shop'
        $definition.flowSpec | Should -Be 'CRMToAEP'
        $definition.schedule.frequency | Should -Be 'day'
        $definition.schedule.interval | Should -Be 1
        $definition.schedule.startTime | Should -Be '2026-01-05T06:00:00Z'
        $definition.source.connectionSpec | Should -Be 'shopify'
        $definition.source.baseConnection | Should -Be 'Shop'
        $definition.source.tableName | Should -Be 'Shopify.Orders'
        $definition.source.columns.name | Should -Be @('Email', 'Phone')
        $definition.target.dataset | Should -Be 'Shop orders'
        $definition.target.schema | Should -Be 'Shop orders'
        $definition.mappingSet.mappings | Should -HaveCount 2
        $calculated = $definition.mappingSet.mappings | Where-Object sourceType -EQ 'EXPRESSION'
        $calculated.source | Should -Be "concat('+1 ', Phone)"
        $calculated.destination | Should -Be 'mobilePhone.number'
    }

    It 'writes nothing secret and no id of the sandbox' {
        $text | Should -Not -Match ([regex]::Escape($devToken))
        $text | Should -Not -Match 'accessToken'
        $text | Should -Not -Match 'host'
        foreach ($id in $devFlow.Id, $devFlow.SourceConnectionId, $devFlow.TargetConnectionId, $devFlow.MappingSetId, $devParts.BaseConnection.Id, $devParts.Dataset.Id, $devParts.Schema.Id) {
            $text | Should -Not -Match ([regex]::Escape($id))
        }
    }

    It 'writes the same bytes again for an unchanged flow' {
        $again = Join-Path $workFolder 'again.json'
        Export-Dataflow -Id $devFlow.Id -Path $again -Context $dev | Out-Null

        (Get-FileHash $again).Hash | Should -Be (Get-FileHash $file).Hash
        [IO.File]::ReadAllBytes($again)[0] | Should -Be ([byte][char]'{')
        $text | Should -Not -Match "`r"
    }

    It 'writes nothing under -WhatIf' {
        Export-Dataflow -Id $devFlow.Id -Path (Join-Path $workFolder 'whatif.json') -Context $dev -WhatIf | Should -BeNullOrEmpty
        Join-Path $workFolder 'whatif.json' | Should -Not -Exist
    }

    It 'refuses to write two flows to one file' {
        $second = New-DevFlow -Name 'Shop 07 bis'
        $oneFile = Join-Path $workFolder 'one.json'
        $written = Get-Dataflow -Name 'Shop 07*' -Context $dev | Export-Dataflow -Path $oneFile -Context $dev -ErrorVariable conflict -ErrorAction SilentlyContinue

        $written | Should -HaveCount 1
        $conflict | Should -HaveCount 1
        $conflict[0].FullyQualifiedErrorId | Should -BeLike 'DataflowExportPathConflict*'
        Remove-Dataflow -Id $second.Id -IncludeConnections -Force -Context $dev | Out-Null
    }

    It 'says which sandbox it read when the flow is not there' {
        Export-Dataflow -Id $devFlow.Id -Path (Join-Path $workFolder 'elsewhere.json') -Context $prod -ErrorVariable missing -ErrorAction SilentlyContinue

        $missing | Should -HaveCount 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'DataflowNotFound*'
        $missing[0].Exception.Message | Should -BeLike '*sandbox prod*'
    }
}

Describe 'Import-Dataflow into the other sandbox' {
    BeforeAll {
        $flows = Join-Path $workFolder 'flows'
        Get-Dataflow -Name 'Shop 07' -Context $dev | Export-Dataflow -Path "$flows/" -Context $dev | Out-Null
        $file = Join-Path $flows 'Shop 07.json'
    }

    It 'plans a create under -WhatIf and sends no write' {
        $mark = Get-EmulatorJournalMark
        $plan = Import-Dataflow -Path $flows -Context $prod -WhatIf

        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        $plan.Name | Should -Be 'Shop 07'
        $plan.Outcome | Should -Be 'Planned'
        $plan.Applied | Should -BeFalse
        $plan.FlowId | Should -BeNullOrEmpty
        Get-Dataflow -Name 'Shop 07' -Context $prod -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'creates an equivalent flow: same schedule, mappings, table, columns and flow spec, on the sandbox''s own parts' {
        $result = Import-Dataflow -Path $flows -Context $prod

        $result.PSTypeNames[0] | Should -Be 'PlatformFlow.Client.FlowsAsCode.DataflowImportResult'
        $result.Outcome | Should -Be 'Created'
        $result.Applied | Should -BeTrue
        $result.Sandbox | Should -Be 'prod'
        ($result.Parts | ForEach-Object { "$($_.Part)=$($_.Outcome)" }) | Should -Be @('SourceConnection=Created', 'TargetConnection=Created', 'MappingSet=Created', 'Flow=Created')

        $flow = Get-Dataflow -Id $result.FlowId -Context $prod
        $flow.Name | Should -Be 'Shop 07'
        $flow.FlowSpec.Id | Should -Be $devFlow.FlowSpec.Id
        $flow.ScheduleParams.Frequency | Should -Be 'day'
        $flow.ScheduleParams.Interval | Should -Be 1
        $flow.ScheduleParams.StartTime | Should -Be $devFlow.ScheduleParams.StartTime
        $source = Get-SourceConnection -Id $result.SourceConnectionId -Context $prod
        $source.BaseConnectionId | Should -Be $prodParts.BaseConnection.Id
        $source.Params.TableName | Should -Be 'Shopify.Orders'
        $source.Params.Columns.Name | Should -Be @('Email', 'Phone')
        (Get-TargetConnection -Id $result.TargetConnectionId -Context $prod).Params.DataSetId | Should -Be $prodParts.Dataset.Id
        $mappings = (Get-MappingSet -Id $result.MappingSetId -Context $prod).Mappings
        ($mappings | Sort-Object Destination | ForEach-Object { "$($_.SourceType) $($_.Source) -> $($_.Destination)" }) |
            Should -Be @("EXPRESSION concat('+1 ', Phone) -> mobilePhone.number", "ATTRIBUTE Email -> personalEmail.address")
    }

    It 'exports the imported flow to the very same bytes as the original' {
        $prodFile = Join-Path $workFolder 'prod.json'
        Get-Dataflow -Name 'Shop 07' -Context $prod | Export-Dataflow -Path $prodFile -Context $prod | Out-Null

        (Get-FileHash $prodFile).Hash | Should -Be (Get-FileHash $file).Hash
    }

    It 'reports every part unchanged the second time and sends no write' {
        $mark = Get-EmulatorJournalMark
        $again = Import-Dataflow -Path $flows -Context $prod

        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        $again.Outcome | Should -Be 'Reused'
        $again.Applied | Should -BeTrue
        $again.Parts.Outcome | Should -Be @('Reused', 'Reused', 'Reused', 'Reused')
        @(Get-Dataflow -Name 'Shop 07' -Context $prod) | Should -HaveCount 1
    }

    It 'applies a changed schedule as one PATCH of the flow, with If-Match' {
        Set-DefinitionMember -Path $file -Change { param($d) $d.schedule.frequency = 'hour'; $d.schedule.interval = 6 }
        $before = Get-Dataflow -Name 'Shop 07' -Context $prod
        $mark = Get-EmulatorJournalMark

        $result = Import-Dataflow -Path $file -Context $prod

        $writes = @(Get-EmulatorWriteSince -Mark $mark)
        $writes | ForEach-Object { "$($_.Method) $($_.Path)" } | Should -Be @("PATCH /data/foundation/flowservice/flows/$($before.Id)")
        $writes[0].Status | Should -Be 200
        $result.Outcome | Should -Be 'Updated'
        ($result.Parts | Where-Object Part -EQ 'Flow').Changes | Should -Be @('scheduleParams')
        $after = Get-Dataflow -Id $before.Id -Context $prod
        $after.ScheduleParams.Frequency | Should -Be 'hour'
        $after.ScheduleParams.Interval | Should -Be 6
        $after.ScheduleParams.StartTime | Should -Be $before.ScheduleParams.StartTime
        $after.Etag | Should -Not -Be $before.Etag
    }

    It 'applies a changed mapping as the mapping set''s next version, which the flow then uses' {
        Set-DefinitionMember -Path $file -Change { param($d) ($d.mappingSet.mappings | Where-Object sourceType -EQ 'EXPRESSION').source = "concat('+44 ', Phone)" }
        $before = Get-Dataflow -Name 'Shop 07' -Context $prod
        $mark = Get-EmulatorJournalMark

        $result = Import-Dataflow -Path $file -Context $prod

        (Get-EmulatorWriteSince -Mark $mark) | ForEach-Object { "$($_.Method) $($_.Path)" } |
            Should -Be @("PUT /data/foundation/conversion/mappingSets/$($result.MappingSetId)", "PATCH /data/foundation/flowservice/flows/$($before.Id)")
        $result.MappingSetVersion | Should -Be 1
        ($result.Parts | Where-Object Part -EQ 'MappingSet').Changes | Should -Be @('mappings')
        ($result.Parts | Where-Object Part -EQ 'Flow').Changes | Should -Be @('transformations')
        $transformation = (Get-Dataflow -Id $before.Id -Context $prod).Transformations | Where-Object Name -EQ 'Mapping'
        $transformation.Params['mappingVersion'].ToString() | Should -Be '1'
        (Get-MappingSet -Id $result.MappingSetId -Context $prod).Mappings.Source | Should -Contain "concat('+44 ', Phone)"
        (Import-Dataflow -Path $file -Context $prod).Outcome | Should -Be 'Reused'
    }

    It 'applies a changed column list as a PATCH of the source connection''s columns only' {
        Set-DefinitionMember -Path $file -Change { param($d) $d.source.columns = @($d.source.columns[0]) }
        $mark = Get-EmulatorJournalMark

        $result = Import-Dataflow -Path $file -Context $prod

        (Get-EmulatorWriteSince -Mark $mark) | ForEach-Object { "$($_.Method) $($_.Path)" } |
            Should -Be @("PATCH /data/foundation/flowservice/sourceConnections/$($result.SourceConnectionId)")
        ($result.Parts | Where-Object Part -EQ 'SourceConnection').Changes | Should -Be @('params/columns')
        (Get-SourceConnection -Id $result.SourceConnectionId -Context $prod).Params.Columns.Name | Should -Be @('Email')
    }
}

Describe 'Export-Dataflow | Import-Dataflow' {
    It 'imports the files the export emits, planning the differences under -WhatIf' {
        Get-Dataflow -Name 'Shop 07' -Context $dev | Set-Dataflow -Description 'Orders, reviewed' -Context $dev | Out-Null
        $mark = Get-EmulatorJournalMark

        $plan = Get-Dataflow -Name 'Shop 07' -Context $dev | Export-Dataflow -Path "$workFolder/piped/" -Context $dev | Import-Dataflow -Context $prod -WhatIf

        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        $plan.Path | Should -Be (Join-Path $workFolder 'piped' 'Shop 07.json')
        $plan.Outcome | Should -Be 'Updated'
        $plan.Applied | Should -BeFalse
        ($plan.Parts | Where-Object Part -EQ 'Flow').Changes | Should -Contain 'description'
    }
}

Describe 'Import-Dataflow refusing before any write' {
    BeforeAll {
        $refusals = Join-Path $workFolder 'refusals'
        $null = New-Item -ItemType Directory -Path $refusals
        $template = Join-Path $workFolder 'template.json'
        Export-Dataflow -Id $devFlow.Id -Path $template -Context $dev | Out-Null
        function New-Variant([string] $Name, [scriptblock] $Change) {
            $path = Join-Path $refusals "$Name.json"
            Copy-Item $template $path
            Set-DefinitionMember -Path $path -Change $Change
            $path
        }
        $good = New-Variant 'good' { param($d) $d.name = 'Shop 21' }
        $missingBase = New-Variant 'missing' { param($d) $d.name = 'Shop 22'; $d.source.baseConnection = 'Shop EU'; $d.target.dataset = 'EU orders' }
    }

    It 'names each missing base connection and dataset, and applies none of the definitions' {
        $mark = Get-EmulatorJournalMark
        $results = Import-Dataflow -Path $good, $missingBase -Context $prod -ErrorVariable refused -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue

        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        $results | Should -BeNullOrEmpty
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'DataflowReferenceNotFound*'
        $refused[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $refused[0].Exception.Message | Should -BeLike "*base connection 'Shop EU'*dataset 'EU orders'*"
        $warned | Should -HaveCount 1
        Get-Dataflow -Name 'Shop 21' -Context $prod -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'maps a name to the id to use with -BaseConnectionMap and -DatasetMap' {
        $result = Import-Dataflow -Path $missingBase -Context $prod -BaseConnectionMap @{ 'Shop EU' = $prodParts.BaseConnection } -DatasetMap @{ 'EU orders' = $prodParts.Dataset.Id }

        $result.Outcome | Should -Be 'Created'
        (Get-SourceConnection -Id $result.SourceConnectionId -Context $prod).BaseConnectionId | Should -Be $prodParts.BaseConnection.Id
        (Get-TargetConnection -Id $result.TargetConnectionId -Context $prod).Params.DataSetId | Should -Be $prodParts.Dataset.Id
    }

    It 'refuses a file that breaks the format, naming what is wrong' {
        $broken = New-Variant 'broken' { param($d) $d.schedule.frequency = 'fortnightly' }
        $mark = Get-EmulatorJournalMark

        Import-Dataflow -Path $broken -Context $prod -ErrorVariable invalid -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Should -BeNullOrEmpty

        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        $invalid[0].FullyQualifiedErrorId | Should -BeLike 'DataflowDefinitionInvalid*'
        $invalid[0].Exception.Message | Should -BeLike '*/schedule/frequency*'
    }

    It 'refuses two flows of one name, naming both' {
        $twins = 'Twin 1', 'Twin 2' | ForEach-Object {
            New-SourceConnection -Name $_ -BaseConnectionId $prodParts.BaseConnection.Id -TableName Shopify.Orders -Context $prod |
                New-TargetConnection -DatasetId $prodParts.Dataset.Id -Context $prod |
                New-MappingSet -Mapping @{ Email = 'personalEmail.address' } -Context $prod |
                Get-FlowSpec -Context $prod |
                New-Dataflow -Context $prod
        }
        $twins[1] | Set-Dataflow -Name 'Twin 1' -Context $prod | Out-Null
        $twin = New-Variant 'twin' { param($d) $d.name = 'Twin 1' }
        $mark = Get-EmulatorJournalMark

        Import-Dataflow -Path $twin -Context $prod -ErrorVariable ambiguous -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Should -BeNullOrEmpty

        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        $ambiguous[0].FullyQualifiedErrorId | Should -BeLike 'DataflowNameAmbiguous*'
        $ambiguous[0].Exception.Message | Should -BeLike "*$($twins[0].Id)*$($twins[1].Id)*"
    }
}

Describe 'Import-Dataflow after an import that stopped half-way' {
    It 'takes over the connection it left behind instead of making a second one' {
        $leftBehind = New-SourceConnection -Name 'Shop 31' -BaseConnectionId $prodParts.BaseConnection.Id -TableName Shopify.Orders -Column Email, Phone -Context $prod
        $file = Join-Path $workFolder 'shop31.json'
        Export-Dataflow -Id $devFlow.Id -Path $file -Context $dev | Out-Null
        Set-DefinitionMember -Path $file -Change { param($d) $d.name = 'Shop 31'; $d.source.name = 'Shop 31 source'; $d.target.name = 'Shop 31 target' }
        $mark = Get-EmulatorJournalMark

        $result = Import-Dataflow -Path $file -Context $prod

        $result.Outcome | Should -Be 'Created'
        $result.SourceConnectionId | Should -Be $leftBehind.Id
        ($result.Parts | Where-Object Part -EQ 'SourceConnection').Outcome | Should -Be 'Reused'
        # The mapping set of the same content that earlier imports made is reused, as the pipeline reuses one.
        (Get-EmulatorWriteSince -Mark $mark) | ForEach-Object { "$($_.Method) $($_.Path)" } | Should -Be @(
            'POST /data/foundation/flowservice/targetConnections'
            'POST /data/foundation/flowservice/flows')
        ($result.Parts | Where-Object Part -EQ 'MappingSet').Outcome | Should -Be 'Reused'
        @(Get-SourceConnection -Name 'Shop 31 source' -Context $prod) | Should -HaveCount 1
    }
}

Describe 'One part model: the pipeline and flows as code find, compare and create parts alike' {
    BeforeAll {
        function New-ProdPipelineFlow([string] $Name) {
            # The pipeline's flow in prod, as the dev flow was made.
            New-DevFlow -Name $Name -Context $prod -Parts $prodParts
        }

        function New-RenamedDefinition {
            # The dev flow's definition under another name, in a file of its own, describing what New-ProdPipelineFlow makes
            # (tests before may have changed the dev flow).
            param([string] $Name, [string] $Folder = $workFolder, [scriptblock] $Edit = {})
            $file = Join-Path $Folder "$Name.json"
            Export-Dataflow -Id $devFlow.Id -Path $file -Context $dev | Out-Null
            Set-DefinitionMember -Path $file -Change {
                param($d)
                $d.name = $Name
                $d.description = 'Orders from the shop'
                $d.schedule = [pscustomobject]@{ frequency = 'day'; interval = 1; startTime = '2026-01-05T06:00:00Z' }
                $d.source.name = "$Name source"
                $d.target.name = "$Name target"
                $d.mappingSet.mappings = @(
                    [pscustomobject]@{ sourceType = 'ATTRIBUTE'; source = 'Email'; destination = 'personalEmail.address' }
                    [pscustomobject]@{ sourceType = 'EXPRESSION'; source = "concat('+1 ', Phone)"; destination = 'mobilePhone.number' })
                & $Edit $d
            }
            $file
        }
    }

    It 'takes a definition named shop a for the flow Shop A the pipeline made, as the pipeline for SHOP A does' {
        $made = New-ProdPipelineFlow -Name 'Shop A'
        $file = New-RenamedDefinition -Name 'shop a'
        $mark = Get-EmulatorJournalMark

        $imported = Import-Dataflow -Path $file -Context $prod
        $again = New-ProdPipelineFlow -Name 'SHOP A'

        $imported.FlowId | Should -Be $made.Id
        $imported.SourceConnectionId | Should -Be $made.SourceConnectionIds[0]
        $imported.Outcome | Should -Be 'Reused'
        $again.Id | Should -Be $made.Id
        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        @(Get-Dataflow -Name 'shop a' -Context $prod) | Should -HaveCount 1
        @(Get-SourceConnection -Name 'Shop A source' -Context $prod) | Should -HaveCount 1
        @(Get-TargetConnection -Name 'Shop A target' -Context $prod) | Should -HaveCount 1
    }

    It 'reuses every part an import just created when the pipeline names them in the same session: no write' {
        $file = New-RenamedDefinition -Name 'Shop B'
        $imported = Import-Dataflow -Path $file -Context $prod
        $imported.Outcome | Should -Be 'Created'
        $mark = Get-EmulatorJournalMark

        $flow = New-ProdPipelineFlow -Name 'Shop B'

        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        $flow.Id | Should -Be $imported.FlowId
        $flow.SourceConnectionOutcome, $flow.TargetConnectionOutcome, $flow.MappingSetOutcome, $flow.DataflowOutcome | Should -Be @('Reused', 'Reused', 'Reused', 'Reused')
        $flow.MappingSetId | Should -Be $imported.MappingSetId
    }

    It 'makes one mapping set for 50 flows that map alike' {
        $folder = Join-Path $workFolder 'fifty'
        $null = New-Item -ItemType Directory -Path $folder
        $mappings = { param($d) $d.mappingSet.mappings = @([pscustomobject]@{ sourceType = 'EXPRESSION'; source = 'lower(Email)'; destination = 'personalEmail.address' }) }
        1..50 | ForEach-Object { New-RenamedDefinition -Name ('Alike {0:d2}' -f $_) -Folder $folder -Edit $mappings } | Out-Null
        $mark = Get-EmulatorJournalMark

        $results = Import-Dataflow -Path $folder -Context $prod

        $results | Should -HaveCount 50
        @($results | Where-Object Outcome -EQ 'Created') | Should -HaveCount 50
        @($results.MappingSetId | Select-Object -Unique) | Should -HaveCount 1
        @(Get-EmulatorWriteSince -Mark $mark | Where-Object Path -like '*/mappingSets') | Should -HaveCount 1
    }
}

Describe 'Copy-Dataflow' {
    BeforeAll {
        $copied = New-DevFlow -Name 'Shop 08'
    }

    It 'plans the copy under -WhatIf and sends no write' {
        $mark = Get-EmulatorJournalMark
        $plan = Get-Dataflow -Name 'Shop 08' -Context $dev | Copy-Dataflow -Context $dev -DestinationContext $prod -WhatIf

        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        $plan.Outcome | Should -Be 'Planned'
        $plan.Applied | Should -BeFalse
    }

    It 'exports and imports in one step, then finds nothing to change' {
        $result = Get-Dataflow -Name 'Shop 08' -Context $dev | Copy-Dataflow -Context $dev -DestinationContext $prod

        $result.Outcome | Should -Be 'Created'
        $result.Sandbox | Should -Be 'prod'
        $flow = Get-Dataflow -Id $result.FlowId -Context $prod
        $flow.Name | Should -Be 'Shop 08'
        $flow.ScheduleParams.Interval | Should -Be 1

        $mark = Get-EmulatorJournalMark
        $again = Copy-Dataflow -Id $copied.Id -Context $dev -DestinationContext $prod
        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        $again.Outcome | Should -Be 'Reused'
    }

    It 'copies piped flows from the context they were read through, whatever context is current' {
        (Get-PlatformContext).Sandbox | Should -Be 'prod' -Because 'the piped flows come from dev while prod is current'
        $mark = Get-EmulatorJournalMark

        $result = Get-Dataflow -Name 'Shop 08' -Context $dev | Copy-Dataflow -DestinationContext $prod

        $result.Outcome | Should -Be 'Reused'
        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
    }

    It 'refuses to copy into the sandbox the flows come from, before reading anything' {
        $flows = @(Get-Dataflow -Name 'Shop 08' -Context $dev)
        $mark = Get-EmulatorJournalMark

        { $flows | Copy-Dataflow -DestinationContext $dev } |
            Should -Throw -ErrorId 'DataflowCopyToSameSandbox,PlatformFlow.Commands.CopyDataflowCommand'

        @(Get-EmulatorRequestSince -Mark $mark) | Should -HaveCount 0
    }

    It 'copies a change made in dev as an update' {
        Get-Dataflow -Id $copied.Id -Context $dev | Set-Dataflow -Frequency Week -Interval 2 -Context $dev | Out-Null

        $result = Copy-Dataflow -Id $copied.Id -Context $dev -DestinationContext $prod

        $result.Outcome | Should -Be 'Updated'
        ($result.Parts | Where-Object Outcome -NE 'Reused').Part | Should -Be 'Flow'
        (Get-Dataflow -Id $result.FlowId -Context $prod).ScheduleParams.Frequency | Should -Be 'week'
    }
}

Describe 'Copy-Dataflow -Disabled and Import-Dataflow -Disabled' {
    It 'copies to another sandbox a flow that exists, is disabled, and has no run listed (a copy without it runs at once)' {
        $source = New-DevFlow -Name 'Shop 21'
        $control = New-DevFlow -Name 'Shop 22' | Copy-Dataflow -Context $dev -DestinationContext $prod

        $result = $source | Copy-Dataflow -Context $dev -DestinationContext $prod -Disabled

        $result.Outcome | Should -Be 'Created'
        $copy = Get-Dataflow -Id $result.FlowId -Context $prod
        $copy.Name | Should -Be 'Shop 21'
        $copy.State | Should -Be 'disabled'
        $copy.ScheduleParams.StartTime | Should -Be $source.ScheduleParams.StartTime
        @(Get-FlowRun -FlowId $copy.Id -Context $prod) | Should -HaveCount 0
        @(Get-FlowRun -FlowId $control.FlowId -Context $prod) | Should -HaveCount 1 -Because 'a copy made enabled, whose start time has passed, runs at once'
    }

    It 'a copy or import again keeps the state the destination has' {
        $source = Get-Dataflow -Name 'Shop 21' -Context $dev
        $source | Set-Dataflow -Description 'Orders, reviewed again' -Context $dev

        $updated = $source | Copy-Dataflow -Context $dev -DestinationContext $prod
        $updated.Outcome | Should -Be 'Updated'
        (Get-Dataflow -Id $updated.FlowId -Context $prod).State | Should -Be 'disabled' -Because 'a copy without -Disabled does not enable it'

        Enable-Dataflow -Id $updated.FlowId -Context $prod
        $file = Join-Path $workFolder 'shop-21.json'
        $source | Set-Dataflow -Description 'Orders, reviewed once more' -Context $dev
        $source | Export-Dataflow -Path $file -Context $dev | Out-Null
        (Import-Dataflow -Path $file -Context $prod -Disabled).Outcome | Should -Be 'Updated'
        (Get-Dataflow -Id $updated.FlowId -Context $prod).State | Should -Be 'enabled' -Because '-Disabled is for flows it creates'
    }

    It 'Import-Dataflow -Disabled creates a flow that runs nothing until enabled' {
        $file = Join-Path $workFolder 'shop-23.json'
        New-DevFlow -Name 'Shop 23' | Export-Dataflow -Path $file -Context $dev | Out-Null

        $result = Import-Dataflow -Path $file -Context $prod -Disabled

        (Get-Dataflow -Id $result.FlowId -Context $prod).State | Should -Be 'disabled'
        @(Get-FlowRun -FlowId $result.FlowId -Context $prod) | Should -HaveCount 0
        Enable-Dataflow -Id $result.FlowId -Context $prod
        @(Get-FlowRun -FlowId $result.FlowId -Context $prod) | Should -HaveCount 0 -Because 'slots passed while it was disabled make no run'
    }
}

Describe 'docs/examples/promote-flows.ps1' {
    It 'rehearses dev to prod: export, review, plan, apply, apply again with nothing to change' {
        $output = & (Join-Path $PSScriptRoot '../docs/examples/promote-flows.ps1') -WorkFolder (Join-Path $workFolder 'promote') 6>$null

        $final = $output | Select-Object -Last 1
        $final.PSTypeNames[0] | Should -Be 'PlatformFlow.Client.FlowsAsCode.DataflowImportResult'
        $final.Outcome | Should -Be 'Reused'
        $final.Sandbox | Should -Be 'prod'
    }
}
