import { graphql } from "../../graphql";

export const RunDetails = graphql(`
  query RunDetails($id: ID!) {
    run(id: $id) {
      id
      status
      question
      sql
      explanation
      engine
      rowCount
      truncated
      createdAt
      finishedAt
      chart {
        type
        title
        reason
        alternatives
        x { column label type format timeGrain }
        y { column label type format }
        series { column label type format }
      }
      suggestions { index kind label }
      candidates { dataSourceId name description score matched reason }
      clarification { index label question runnable }
      error { code message hint }
      dataSource { id name }
      # The session takes the data source a finished run used: the chat header reads it from the cache.
      session { id dataSource { id name } }
      events { seq stage status durationMs at payload }
      answer {
        id
        feedback { id rating category comment }
      }
      refinableFields { name label type kind operators sortable }
    }
  }
`);

export const RunResultPage = graphql(`
  query RunResultPage($id: ID!, $page: Int!, $pageSize: Int!, $orderBy: ResultOrder) {
    run(id: $id) {
      id
      result(page: $page, pageSize: $pageSize, orderBy: $orderBy) {
        columns { name type dbType hidden }
        rows
        totalRows
        page
        pageSize
        pageCount
        truncated
      }
    }
  }
`);

export const QueryProgress = graphql(`
  subscription QueryProgress($runId: ID!, $afterSeq: Int!) {
    queryProgress(runId: $runId, afterSeq: $afterSeq) { seq stage status durationMs at payload }
  }
`);

export const Ask = graphql(`
  mutation Ask($input: AskInput!) {
    ask(input: $input) {
      run { id status question }
      session { id title status updatedAt }
    }
  }
`);

export const SelectDataSource = graphql(`
  mutation SelectDataSource($input: SelectDataSourceInput!) {
    selectDataSource(input: $input) {
      run { id status question }
      session { id dataSource { id name } }
    }
  }
`);

export const CancelRun = graphql(`
  mutation CancelRun($input: CancelRunInput!) {
    cancelRun(input: $input) { run { id status } }
  }
`);

export const SessionConversation = graphql(`
  query SessionConversation($id: ID!) {
    session(id: $id) {
      id
      title
      status
      readOnly
      expiresAt
      updatedAt
      dataSource { id name }
      messages(last: 100) {
        edges {
          node {
            id
            role
            kind
            content
            payload
            createdAt
            run { id status }
          }
        }
      }
    }
  }
`);

export const AskableDataSources = graphql(`
  query AskableDataSources {
    dataSources(first: 50) {
      edges {
        node {
          id
          name
          description
          isDemo
          status
          tableCount
          semanticModel {
            version
            metrics { name label entity }
            verifiedQueries { question }
            entities {
              name
              label
              bridge
              rowCount
              defaultTimeField
              fields { name label role sampleValues distinctCount }
            }
          }
        }
      }
    }
  }
`);

export const RefineQuery = graphql(`
  mutation RefineQuery($input: RefineQueryInput!) {
    refineQuery(input: $input) {
      run { id status question }
      session { id updatedAt }
    }
  }
`);

export const SubmitFeedback = graphql(`
  mutation SubmitFeedback($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      message {
        id
        feedback { id rating category comment }
      }
    }
  }
`);

export const EndSession = graphql(`
  mutation EndSession($input: SessionIdInput!) {
    endSession(input: $input) {
      session { id status readOnly updatedAt }
    }
  }
`);

export const DiscoverDataSources = graphql(`
  query DiscoverDataSources($question: String!) {
    discoverDataSources(question: $question) { dataSourceId name score matched }
  }
`);

export const FieldValuesQuery = graphql(`
  query FieldValues($runId: ID!, $field: String!, $search: String, $first: Int!) {
    fieldValues(runId: $runId, field: $field, search: $search, first: $first) { values complete }
  }
`);
