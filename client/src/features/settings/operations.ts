import { graphql } from "../../graphql";

export const ApiKeys = graphql(`
  query ApiKeys {
    apiKeys(first: 50, includeRevoked: true) {
      edges {
        node { id name prefix role active createdAt expiresAt lastUsedAt revokedAt }
      }
    }
  }
`);

export const CreateApiKey = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey { id name prefix role active createdAt expiresAt lastUsedAt revokedAt }
    }
  }
`);

export const RevokeApiKey = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey { id active revokedAt }
    }
  }
`);

export const Users = graphql(`
  query Users($search: String) {
    users(first: 100, search: $search) {
      edges {
        node { id name email role createdAt }
      }
    }
  }
`);

export const SetUserRole = graphql(`
  mutation SetUserRole($input: SetUserRoleInput!) {
    setUserRole(input: $input) {
      previousRole
      user { id role }
    }
  }
`);

export const LogOutEverywhere = graphql(`
  mutation LogOutEverywhere {
    logOut
  }
`);

export const AuditLog = graphql(`
  query AuditLog($filter: AuditFilter) {
    auditLog(first: 50, filter: $filter) {
      edges {
        node {
          action
          outcome
          at
          ip
          targetType
          targetId
          details
          actor { id email name }
        }
      }
    }
  }
`);
