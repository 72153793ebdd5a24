import { graphql } from "../../graphql";

export const DataSourceList = graphql(`
  query DataSourceList {
    dataSources(first: 100) {
      edges {
        node {
          id
          name
          description
          status
          statusMessage
          isDemo
          visibility
          viewerCanEdit
          ownedByViewer
          tableCount
          columnCount
          lastRefreshedAt
        }
      }
    }
  }
`);

export const DataSourceDetail = graphql(`
  query DataSourceDetail($id: ID!) {
    dataSource(id: $id) {
      id
      name
      description
      status
      statusMessage
      isDemo
      visibility
      viewerCanEdit
      ownedByViewer
      tableCount
      columnCount
      schemas
      lastRefreshedAt
      tables {
        schema
        name
        kind
        rowEstimate
        comment
        columns { name type dbType nullable primaryKey references sampleValues comment }
      }
    }
  }
`);

export const TestDataSource = graphql(`
  mutation TestDataSource($input: TestDataSourceInput!) {
    testDataSource(input: $input) { ok latencyMs dataSource { id status statusMessage } }
  }
`);

export const AddDataSource = graphql(`
  mutation AddDataSource($input: AddDataSourceInput!) {
    addDataSource(input: $input) { dataSource { id name status } }
  }
`);

export const RefreshDataSource = graphql(`
  mutation RefreshDataSource($input: DataSourceIdInput!) {
    refreshDataSource(input: $input) { dataSource { id status statusMessage tableCount columnCount lastRefreshedAt } }
  }
`);

export const RemoveDataSource = graphql(`
  mutation RemoveDataSource($input: DataSourceIdInput!) {
    removeDataSource(input: $input) { removedDataSourceId }
  }
`);

export const SemanticModelFields = graphql(`
  fragment SemanticModelFields on SemanticModel {
    version
    generatedAt
    entities {
      name
      label
      table
      schema
      kind
      description
      bridge
      rowCount
      synonyms
      extraSynonyms
      defaultTimeField
      fields { name label type role description synonyms extraSynonyms sampleValues money }
    }
    metrics { name label entity expression description origin synonyms }
    glossary {
      term
      definition
      synonyms
      maps { kind metric entity field condition { field op values } }
    }
    rules {
      fiscalYearStartMonth
      defaultFilters { entity description condition { field op values } }
    }
    verifiedQueries { question sql note }
  }
`);

export const SemanticModelView = graphql(`
  query SemanticModelView($id: ID!) {
    dataSource(id: $id) {
      id
      viewerCanEdit
      semanticModel { ...SemanticModelFields }
    }
  }
`);

export const SemanticYaml = graphql(`
  query SemanticYaml($id: ID!) {
    dataSource(id: $id) {
      id
      semanticModel { version yaml }
    }
  }
`);

export const SemanticVersions = graphql(`
  query SemanticVersions($id: ID!) {
    dataSource(id: $id) {
      id
      semanticModelVersions(limit: 50) { version createdAt note current }
    }
  }
`);

export const SetSynonyms = graphql(`
  mutation SetSynonyms($input: SetSynonymsInput!) {
    setSynonyms(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }
  }
`);

export const UpsertMetric = graphql(`
  mutation UpsertMetric($input: UpsertMetricInput!) {
    upsertMetric(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }
  }
`);

export const DeleteMetric = graphql(`
  mutation DeleteMetric($input: DeleteMetricInput!) {
    deleteMetric(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }
  }
`);

export const UpsertGlossaryTerm = graphql(`
  mutation UpsertGlossaryTerm($input: UpsertGlossaryTermInput!) {
    upsertGlossaryTerm(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }
  }
`);

export const DeleteGlossaryTerm = graphql(`
  mutation DeleteGlossaryTerm($input: DeleteGlossaryTermInput!) {
    deleteGlossaryTerm(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }
  }
`);

export const SetBusinessRules = graphql(`
  mutation SetBusinessRules($input: SetBusinessRulesInput!) {
    setBusinessRules(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }
  }
`);

export const UpsertVerifiedQuery = graphql(`
  mutation UpsertVerifiedQuery($input: UpsertVerifiedQueryInput!) {
    upsertVerifiedQuery(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }
  }
`);

export const DeleteVerifiedQuery = graphql(`
  mutation DeleteVerifiedQuery($input: DeleteVerifiedQueryInput!) {
    deleteVerifiedQuery(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }
  }
`);

export const ImportSemanticModel = graphql(`
  mutation ImportSemanticModel($input: ImportSemanticModelInput!) {
    importSemanticModel(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }
  }
`);

export const RestoreSemanticModelVersion = graphql(`
  mutation RestoreSemanticModelVersion($input: RestoreSemanticModelVersionInput!) {
    restoreSemanticModelVersion(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }
  }
`);

export const ReviewQueue = graphql(`
  query ReviewQueue($dataSourceId: ID!, $status: VerifiedQueryStatus) {
    verifiedQueries(dataSourceId: $dataSourceId, status: $status, first: 50) {
      edges {
        node {
          id
          question
          sql
          note
          status
          live
          updatedAt
          feedback { rating category comment createdAt }
        }
      }
    }
  }
`);

export const PromoteVerifiedQuery = graphql(`
  mutation PromoteVerifiedQuery($input: PromoteVerifiedQueryInput!) {
    promoteVerifiedQuery(input: $input) {
      verifiedQuery { id status live updatedAt }
      dataSource { id semanticModel { ...SemanticModelFields } }
    }
  }
`);

export const RejectVerifiedQuery = graphql(`
  mutation RejectVerifiedQuery($input: RejectVerifiedQueryInput!) {
    rejectVerifiedQuery(input: $input) {
      verifiedQuery { id status live note updatedAt }
      dataSource { id semanticModel { ...SemanticModelFields } }
    }
  }
`);

export const UpdateVerifiedQuery = graphql(`
  mutation UpdateVerifiedQuery($input: UpdateVerifiedQueryInput!) {
    updateVerifiedQuery(input: $input) {
      verifiedQuery { id question sql note status live updatedAt }
      dataSource { id semanticModel { ...SemanticModelFields } }
    }
  }
`);

export const FeedbackSummaryQuery = graphql(`
  query FeedbackSummary($dataSourceId: ID!, $period: FeedbackPeriod!) {
    feedbackSummary(dataSourceId: $dataSourceId, period: $period, worst: 10) {
      total
      positive
      negative
      since
      byCategory { category count }
      worstQuestions { question positive negative categories lastRatedAt }
    }
  }
`);

export const UpdateDataSource = graphql(`
  mutation UpdateDataSource($input: UpdateDataSourceInput!) {
    updateDataSource(input: $input) {
      dataSource { id name description schemas visibility status statusMessage tableCount columnCount lastRefreshedAt }
    }
  }
`);
